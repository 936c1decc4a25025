/**
 * `kubectl get -w`: kubectl lists, prints, then watches from the list's resourceVersion; a change written
 * into the cluster store afterwards must appear as a new row. The server's clock is frozen, so the new
 * rows' ages are exact too.
 */
import { useE2eServer } from '../../support/e2e-server.js';
import { describeEachKubectl } from '../../support/kubectl.js';
import { addPodLike, labelPod, markNodeReady, resolvePodRef } from '../talk-cluster.js';

const lineCount = (text: string): number => text.split('\n').length - 1;

describeEachKubectl('kubectl get -w', (binary) => {
  const server = useE2eServer();

  it('prints node3 again when its kubelet reports Ready', async () => {
    const kubectl = server().spawnKubectl(binary, ['get', 'nodes', '-w']);
    try {
      const listed = await kubectl.waitForStdout((out) => lineCount(out) >= 5);
      expect(listed).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\n(node\d .*\n){4}$/);
      markNodeReady(server().running.cluster.store, 'node3', server().now);
      const after = await kubectl.waitForStdout((out) => lineCount(out) >= 6);
      expect(after.slice(listed.length)).toMatch(/^node3 +Ready +<none> +39s +v1\.14\.2\n$/);
      expect(kubectl.stderr()).toBe('');
    } finally {
      await kubectl.stop();
    }
  });

  it('prints ADDED, MODIFIED and DELETED rows for a pod created, labelled and deleted', async () => {
    const { store } = server().running.cluster;
    const kubectl = server().spawnKubectl(binary, ['get', 'pods', '-w', '--output-watch-events']);
    try {
      const listed = await kubectl.waitForStdout((out) => lineCount(out) >= 4);
      expect(listed).toMatch(/^EVENT +NAME +READY +STATUS +RESTARTS +AGE\n(ADDED +\S+ +\d\/\d .*\n){3}$/);
      addPodLike(store, 'default', resolvePodRef(store, '<web-1>'), 'web-added-x7k2q', server().now);
      const added = await kubectl.waitForStdout((out) => lineCount(out) >= 5);
      expect(added.slice(listed.length)).toMatch(/^ADDED +web-added-x7k2q +1\/1 +Running +0 +0s\n$/);
      labelPod(store, 'default', 'web-added-x7k2q', 'tier', 'frontend');
      const modified = await kubectl.waitForStdout((out) => lineCount(out) >= 6);
      expect(modified.slice(added.length)).toMatch(/^MODIFIED +web-added-x7k2q +1\/1 +Running +0 +0s\n$/);
      store.delete('/pods', 'default', 'web-added-x7k2q');
      const deleted = await kubectl.waitForStdout((out) => lineCount(out) >= 7);
      expect(deleted.slice(modified.length)).toMatch(/^DELETED +web-added-x7k2q +1\/1 +Running +0 +0s\n$/);
    } finally {
      await kubectl.stop();
    }
  });
});
