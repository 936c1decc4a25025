/**
 * @kubernetes/client-node 1.4 reading the talk cluster through the KubeConfig startKubefacade hands out:
 * lists, a single node, a pod's log. What the client gets must be what the store holds.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import { useE2eServer } from '../../support/e2e-server.js';
import { podsOf } from '../talk-cluster.js';

describe('the JS client reading the talk cluster', () => {
  const server = useE2eServer();
  const core = (): CoreV1Api => server().running.kubeConfig.makeApiClient(CoreV1Api);
  const store = () => server().running.cluster.store;

  it('lists the four nodes as the store holds them, with the list resourceVersion', async () => {
    const list = await core().listNode();
    expect(list.items.map((node) => node.metadata?.name)).toEqual(['node1', 'node2', 'node3', 'node4']);
    expect(list.metadata?.resourceVersion).toBe(String(store().resourceVersion));
    expect(list.items.map((node) => node.metadata?.resourceVersion)).toEqual(
      store()
        .list('/nodes')
        .items.map((n) => String(n.resourceVersion)),
    );
  });

  it('lists the pods of every namespace, sorted by namespace and name', async () => {
    const list = await core().listPodForAllNamespaces();
    const names = list.items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`);
    expect(names).toEqual(
      store()
        .list('/pods')
        .items.map((pod) => pod.key),
    );
    expect(names).toHaveLength(17);
  });

  it('lists the pods a label selector picks, in one namespace', async () => {
    const list = await core().listNamespacedPod({ namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' });
    expect(list.items.map((pod) => pod.metadata?.name)).toEqual(podsOf(store(), 'coredns'));
    expect(list.items).toHaveLength(2);
  });

  it('lists the component statuses, each a name and its health (no creation time, as the probing registry sends)', async () => {
    const list = await core().listComponentStatus();
    expect(
      list.items.map((cs) => [cs.metadata?.name, cs.metadata?.creationTimestamp ?? null, cs.conditions?.[0]?.status, cs.conditions?.[0]?.message]),
    ).toEqual([
      ['controller-manager', null, 'True', 'ok'],
      ['etcd-0', null, 'True', '{"health":"true"}'],
      ['scheduler', null, 'True', 'ok'],
    ]);
  });

  it('reads node1, deserialized into the typed model (timestamps as Dates)', async () => {
    const node = await core().readNode({ name: 'node1' });
    expect(node.metadata?.name).toBe('node1');
    expect(node.metadata?.creationTimestamp).toBeInstanceOf(Date);
    // metav1.Time is serialized in whole seconds (RFC 3339), so the instant loses the start's milliseconds.
    const startSecond = Math.floor(server().now.getTime() / 1000) * 1000;
    expect(node.metadata?.creationTimestamp?.getTime()).toBe(startSecond - 92_000);
    expect(node.status?.nodeInfo?.kubeletVersion).toBe('v1.14.2');
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it("reads a pod's log, its last line only with tailLines", async () => {
    const [coredns = ''] = podsOf(store(), 'coredns');
    const logged = server().running.cluster.logs.read('kube-system', coredns, 'coredns');
    expect(logged.length).toBeGreaterThan(1);
    const all = await core().readNamespacedPodLog({ name: coredns, namespace: 'kube-system', container: 'coredns' });
    expect(all).toBe(logged.map((line) => `${line.text}\n`).join(''));
    const last = await core().readNamespacedPodLog({ name: coredns, namespace: 'kube-system', tailLines: 1 });
    expect(last).toBe(`${logged.at(-1)?.text ?? ''}\n`);
  });

  it('rejects reading a node that does not exist with a 404 Status', async () => {
    await expect(core().readNode({ name: 'node9' })).rejects.toMatchObject({ code: 404 });
  });
});
