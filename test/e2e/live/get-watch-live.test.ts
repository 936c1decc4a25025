/**
 * `kubectl get -w` over the living talk cluster: the simulation runs on a manual clock, the test steps it to
 * the scenario's instants, and kubectl prints the rows the controllers' writes produce. Each kubectl version
 * gets a server of its own per describe, so every story starts from the beginning.
 */
import type { Pod } from '../../../src/cluster/index.js';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeEachKubectl } from '../../support/kubectl.js';
import { cells, rows, rowsAfter } from './printed-rows.js';
import { nextWatchOn } from './store-watches.js';
import { advanceTo, evictionsDoneBy, nodeJoinsAt, nodeReadyAt, nodeRecoversAt, scaleAt } from './talk-scenario.js';

/** The rows printed for one object, by the NAME column (column `at`: 0 for `get nodes`, 1 with -A). */
const rowsOf = (printed: string[], name: string, at = 0): string[] => printed.filter((row) => cells(row)[at] === name);

describeEachKubectl('kubectl get nodes -w on the live cluster', (binary) => {
  const server = useE2eServer({ live: {} });

  it('prints node3 turning Ready, then node5 joining NotReady and turning Ready', async () => {
    const watching = nextWatchOn(server().running.cluster.store, '/nodes');
    const kubectl = server().spawnKubectl(binary, ['get', 'nodes', '-w']);
    try {
      const listed = await kubectl.waitForStdout((out) => rows(out).length >= 5);
      await watching;
      expect(rows(listed).map((row) => cells(row).slice(0, 2).join(' '))).toEqual([
        'NAME STATUS',
        'node1 Ready',
        'node2 Ready',
        'node3 NotReady',
        'node4 NotReady',
      ]);

      advanceTo(server(), nodeReadyAt('node3'));
      const node3Ready = await kubectl.waitForStdout((out) => rowsOf(rowsAfter(out, listed), 'node3').some((row) => cells(row)[1] === 'Ready'));
      // Every write to a node is a row (MODIFIED): node3's statuses posted meanwhile are NotReady until the one
      // that flips it, then the node controller lifts the not-ready taint (Ready again). node3 is 39 s old at the
      // start (fixtures/talk-cluster.yaml) and turns Ready 20 s in.
      const node3Rows = rowsOf(rowsAfter(node3Ready, listed), 'node3');
      expect(node3Rows.map((row) => `${cells(row)[1]} `).join('')).toMatch(/^(NotReady )*(Ready )+$/);
      expect(node3Rows.at(-1)).toMatch(/^node3 +Ready +<none> +59s +v1\.14\.2$/);
      expect(rowsOf(rowsAfter(node3Ready, listed), 'node5')).toEqual([]);

      advanceTo(server(), nodeJoinsAt('node5'));
      const joined = await kubectl.waitForStdout((out) => rowsOf(rowsAfter(out, node3Ready), 'node5').length > 0);
      // Registered by its kubelet with its first status in the same write: every row, the first too, is NotReady
      // (a Node without conditions would print Unknown).
      const node5Rows = rowsOf(rowsAfter(joined, node3Ready), 'node5');
      expect(node5Rows.length).toBeGreaterThan(0);
      for (const row of node5Rows) expect(row).toMatch(/^node5 +NotReady +<none> +0s +v1\.14\.2$/);

      advanceTo(server(), nodeReadyAt('node5'));
      const node5Ready = await kubectl.waitForStdout((out) => rowsOf(rowsAfter(out, joined), 'node5').some((row) => cells(row)[1] === 'Ready'));
      const readyAge = `${(nodeReadyAt('node5') - nodeJoinsAt('node5')) / 1000}s`;
      const node5Later = rowsOf(rowsAfter(node5Ready, joined), 'node5');
      expect(node5Later.map((row) => `${cells(row)[1]} `).join('')).toMatch(/^(NotReady )*(Ready )+$/);
      expect(node5Later.at(-1)).toMatch(new RegExp(`^node5 +Ready +<none> +${readyAge} +v1\\.14\\.2$`));
      expect(kubectl.stderr()).toBe('');
    } finally {
      await kubectl.stop();
    }
  });
});

describeEachKubectl('kubectl get pods -A -w on the live cluster', (binary) => {
  const server = useE2eServer({ live: {} });

  /** web's pods as the store holds them now: name → node. */
  const webPods = (): Map<string, string> => {
    const pods = server()
      .running.cluster.store.list('/pods', { namespace: 'default' })
      .items.map((stored) => stored.object as Pod);
    return new Map(pods.filter((pod) => pod.metadata.labels?.app === 'web').map((pod) => [pod.metadata.name ?? '', pod.spec?.nodeName ?? '']));
  };

  it('prints the scale-out scheduled and started, then node2’s web pods replaced on the other workers', async () => {
    advanceTo(server(), scaleAt('default/web') - 1000);
    const before = webPods();
    const podCount = server().running.cluster.store.list('/pods', {}).items.length;
    const watching = nextWatchOn(server().running.cluster.store, '/pods');
    const kubectl = server().spawnKubectl(binary, ['get', 'pods', '-A', '-w', '-o', 'wide']);
    try {
      const listed = await kubectl.waitForStdout((out) => rows(out).length >= podCount + 1);
      await watching;
      expect(cells(rows(listed)[0] ?? '')).toEqual([
        'NAMESPACE',
        'NAME',
        'READY',
        'STATUS',
        'RESTARTS',
        'AGE',
        'IP',
        'NODE',
        'NOMINATED',
        'NODE',
        'READINESS',
        'GATES',
      ]);

      // The ReplicaSet controller creates two pods, the scheduler binds them, node's kubelet starts them.
      advanceTo(server(), scaleAt('default/web') + 10_000);
      const added = [...webPods().keys()].filter((name) => !before.has(name));
      expect(added).toHaveLength(2);
      const started = await kubectl.waitForStdout((out) =>
        added.every((name) => rowsOf(rowsAfter(out, listed), name, 1).some((row) => cells(row)[3] === 'Running')),
      );
      for (const name of added) {
        const story = rowsOf(rowsAfter(started, listed), name, 1).map((row) => cells(row));
        const node = webPods().get(name);
        // NAMESPACE NAME READY STATUS RESTARTS AGE IP NODE …: created unscheduled, bound, created, running.
        expect(story.map((c) => [c[2], c[3], c[7]])).toEqual([
          ['0/1', 'Pending', '<none>'],
          ['0/1', 'Pending', node],
          ['0/1', 'ContainerCreating', node],
          ['1/1', 'Running', node],
        ]);
        expect(story.at(-1)?.[6]).toMatch(/^10\.244\.\d+\.\d+$/);
        expect(['node3', 'node4', 'node5']).toContain(node);
      }

      // node2 goes silent; after the unreachable taint's 300 s its pods are evicted and recreated elsewhere.
      const onNode2 = [...webPods()].filter(([, node]) => node === 'node2').map(([name]) => name);
      expect(onNode2.length).toBeGreaterThan(0);
      const replacedAt = evictionsDoneBy('node2');
      expect(replacedAt).toBeLessThan(nodeRecoversAt('node2'));
      advanceTo(server(), replacedAt);
      const replacements = [...webPods().keys()].filter((name) => !before.has(name) && !added.includes(name));
      expect(replacements).toHaveLength(onNode2.length);
      const healed = await kubectl.waitForStdout(
        (out) =>
          onNode2.every((name) => rowsOf(rowsAfter(out, started), name, 1).some((row) => cells(row)[3] === 'Terminating')) &&
          replacements.every((name) => rowsOf(rowsAfter(out, started), name, 1).some((row) => cells(row)[3] === 'Running')),
      );
      for (const name of replacements) {
        const running = rowsOf(rowsAfter(healed, started), name, 1)
          .map((row) => cells(row))
          .find((c) => c[3] === 'Running');
        expect(['node3', 'node4', 'node5']).toContain(running?.[7]);
      }
      expect(kubectl.stderr()).toBe('');
    } finally {
      await kubectl.stop();
    }
  });
});
