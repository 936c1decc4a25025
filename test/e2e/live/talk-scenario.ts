/**
 * What the live suites know of the talk cluster's timeline (fixtures/talk-cluster.yaml, `spec.scenario`): the
 * instants of its steps, read from the file itself so the tests follow the story if it is retimed, and a way to
 * step a live server's simulated time to one of them.
 */
import { defaultClusterFile } from '../../../src/cli/package-root.js';
import { loadClusterFile } from '../../../src/cluster/fixtures/index.js';
import type { ScenarioStep } from '../../../src/cluster/index.js';
import type { E2eServer } from '../../support/e2e-server.js';

type Action = ScenarioStep['action'];

let steps: readonly ScenarioStep[] | undefined;

function talkScenario(): readonly ScenarioStep[] {
  steps ??= loadClusterFile(defaultClusterFile(), { now: new Date(0) }).scenario ?? [];
  return steps;
}

/** Milliseconds after the server's start of the first step that `matches`; throws if the story has none. */
export function stepAt(what: string, matches: (action: Action) => boolean): number {
  const step = talkScenario().find((s) => matches(s.action));
  if (step === undefined) throw new Error(`the talk cluster's scenario has no step where ${what}`);
  return step.atMs;
}

export const nodeReadyAt = (node: string): number => stepAt(`${node} turns Ready`, (a) => a.type === 'nodeReady' && a.node === node);
export const nodeJoinsAt = (node: string): number => stepAt(`${node} joins`, (a) => a.type === 'nodeJoins' && a.node === node);
export const nodeFailsAt = (node: string): number => stepAt(`${node} fails`, (a) => a.type === 'nodeFails' && a.node === node);
export const nodeRecoversAt = (node: string): number => stepAt(`${node} recovers`, (a) => a.type === 'nodeRecovers' && a.node === node);
/** The instants `workload`'s `container` is made to crash, in order. */
export const crashesOf = (workload: string, container: string): number[] =>
  talkScenario()
    .filter((s) => {
      const a = s.action;
      return a.type === 'crash' && a.container === container && 'workload' in a.target && `${a.target.namespace}/${a.target.workload}` === workload;
    })
    .map((s) => s.atMs);
export const scaleAt = (deployment: string): number =>
  stepAt(`${deployment} is scaled`, (a) => a.type === 'scale' && `${a.namespace}/${a.deployment}` === deployment);

/**
 * By when a failed node's pods are evicted and their replacements run elsewhere, with the simulation's
 * defaults: the node's last Lease renewal up to 10 s before it fails, Unknown 40 s (nodeMonitorGracePeriod,
 * checked every 5 s) after that, its pods' unreachable toleration 300 s (DefaultTolerationSeconds), then
 * the ReplicaSet, the scheduler and a kubelet have a replacement Running within seconds; 30 s of slack.
 */
export const evictionsDoneBy = (node: string): number => nodeFailsAt(node) + 10_000 + 45_000 + 300_000 + 30_000;

/** How far the server's simulated time has gone since its start. */
export function elapsed(server: E2eServer): number {
  return server.running.cluster.clock.now() - server.now.getTime();
}

/** Steps simulated time to `atMs` after the server's start (never back); every task due on the way runs. */
export function advanceTo(server: E2eServer, atMs: number): void {
  const by = atMs - elapsed(server);
  if (by < 0) throw new Error(`the simulation is already ${elapsed(server)} ms in, past ${atMs} ms`);
  server.advance(by);
}
