/**
 * A kubefacade server for the end-to-end suites: started in-process on a free port over HTTPS, with a
 * kubeconfig file (CA embedded) for kubectl, its state and kubectl's caches in a temporary folder, and the
 * wall clock frozen so the ages the server prints are exact. A live server (`live`) runs the simulation on a
 * manual driver: its time moves only when the test calls `advance(ms)`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { type ClusterSource, type RunningKubefacade, startKubefacade } from '../../src/index.js';
import { type KubectlBinary, type KubectlResult, type RunningKubectl, runKubectl, spawnKubectl } from './kubectl.js';
import { holdClockAt } from './held-clock.js';

export interface E2eServerOptions {
  /** The cluster to serve: a fixture file, objects or text; the talk cluster by default. */
  cluster?: ClusterSource;
  /**
   * Run the simulation (controllers and the file's scenario) on a manual driver: simulated time moves only
   * when the test calls `advance(ms)`, so a live run is as deterministic as a frozen one. Default: static.
   */
  live?: { seed?: number };
  /**
   * Whether requests without the kubeconfig's token are served (startKubefacade's `anonymousAuth`); by default
   * they are, the server being on loopback. `false` proves a client sends the token it read from the kubeconfig.
   */
  anonymousAuth?: boolean;
}

export interface E2eServer {
  running: RunningKubefacade;
  /** The kubeconfig file kubectl is given (`--kubeconfig`). */
  kubeconfig: string;
  /** The instant the clock stands at for the whole suite; for a live server, the instant its simulation starts from. */
  now: Date;
  /** A kubectl command against this server, with a discovery cache of its own. */
  kubectl(binary: KubectlBinary, args: readonly string[], timeoutMs?: number): Promise<KubectlResult>;
  /** A long-running kubectl (`get -w`), with a cache of its own; stop it before the test ends. */
  spawnKubectl(binary: KubectlBinary, args: readonly string[]): RunningKubectl;
  /**
   * A live server's simulated time moved forward by `ms`, every task due on the way run in order (controllers,
   * kubelets, scenario steps); returns how many ran. Throws on a static server.
   */
  advance(ms: number): number;
  stop(): Promise<void>;
}

/**
 * Freezes `Date` for the code jest loaded (kubefacade's, in-process): the server computes AGE from
 * `Date.now()` (its cluster clock is the system clock, and startKubefacade takes no clock), so a frozen Date
 * makes `92s` stay `92s` however long kubectl takes.
 */
function freezeDate(now: Date): Date {
  holdClockAt(now);
  return now;
}

/**
 * Where a live server's simulated time starts, behind the wall clock: the test steps simulated time forward
 * (minutes in milliseconds), and kubectl computes some ages itself (`describe`'s event ages) from its own
 * clock, which would print `<invalid>` for instants ahead of it.
 */
const LIVE_START_BEHIND_MS = 60 * 60_000;

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefacade-e2e-'));
  // A live server starts on a whole second: objects carry whole-second timestamps, so every run of a live
  // suite then sees the same ages, samples and metrics at the same simulated instant.
  const liveStart = Math.floor((Date.now() - LIVE_START_BEHIND_MS) / 1000) * 1000;
  const now = freezeDate(new Date(options.live === undefined ? Date.now() : liveStart));
  let running: RunningKubefacade;
  try {
    running = await startKubefacade({
      ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
      port: 0,
      stateDir: join(dir, 'state'),
      ...(options.anonymousAuth === undefined ? {} : { anonymousAuth: options.anonymousAuth }),
      ...(options.live === undefined
        ? {}
        : { simulate: true, driver: 'manual' as const, ...(options.live.seed === undefined ? {} : { seed: options.live.seed }) }),
    });
  } catch (error: unknown) {
    jest.useRealTimers();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, running.kubeconfigYaml, { mode: 0o600 });
  let caches = 0;
  const cacheDir = async (): Promise<string> => {
    const path = join(dir, 'cache', String(++caches));
    await mkdir(path, { recursive: true });
    return path;
  };
  return {
    running,
    kubeconfig,
    now,
    kubectl: async (binary, args, timeoutMs) =>
      runKubectl(binary, args, { kubeconfig, cacheDir: await cacheDir(), ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    spawnKubectl: (binary, args) => spawnKubectl(binary, args, { kubeconfig, cacheDir: join(dir, 'cache', `watch-${++caches}`) }),
    advance: (ms) => {
      const manual = running.simulation?.manual;
      if (manual === undefined) throw new Error('advance(ms) needs a live server: start it with { live: {} }');
      return manual.advance(ms);
    },
    stop: async () => {
      await running.stop();
      jest.useRealTimers();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a server before the enclosing describe's tests and stops it after them; call `server()` inside tests. */
export function useE2eServer(options: E2eServerOptions = {}): () => E2eServer {
  let server: E2eServer | undefined;
  beforeAll(async () => {
    server = await startE2eServer(options);
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  return () => {
    if (server === undefined) throw new Error('the e2e server is not running: call server() inside a test, not while declaring one');
    return server;
  };
}
