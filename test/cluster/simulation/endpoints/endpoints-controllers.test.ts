import type { Endpoints, Pod } from '../../../../src/cluster/index.js';
import { createEndpointsController } from '../../../../src/cluster/simulation/endpoints/endpoints-controller.js';
import { createEndpointSliceController } from '../../../../src/cluster/simulation/endpoints/endpointslice-controller.js';
import type { EndpointSlice } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';
import { type Harness, PODS, runningPod, startHarness } from '../replicaset/workload-harness.js';

const ENDPOINTS = '/endpoints';
const SLICES = 'discovery.k8s.io/endpointslices';

const CLUSTER = `
nodes:
  - { name: node1, internalIP: 10.0.0.1 }
  - { name: node2, internalIP: 10.0.0.2 }
workloads:
  - name: web
    kind: Deployment
    replicas: 2
    nodes: [node1, node2]
    labels: { app: web }
    image: nginx:1.25
    ports: [{ name: http, containerPort: 8080 }]
    age: 10m
  - name: db
    kind: Deployment
    nodes: [node2]
    labels: { app: db }
    image: mysql:8
    ports: [{ name: mysql, containerPort: 3306 }]
    states: { node2: ContainerCreating }
    age: 1m
services:
  - { name: web, labels: { app: web }, selector: { app: web }, ports: [{ name: http, port: 80, targetPort: http }], age: 10m }
  - { name: db, selector: { app: db }, ports: [{ port: 3306, targetPort: mysql }], age: 1m }
`;

const podsOf = (h: Harness, app: string): Pod[] =>
  h
    .list<Pod>(PODS, 'default')
    .filter((p) => p.metadata.labels?.app === app)
    .sort((a, b) => (a.status?.podIP ?? '').localeCompare(b.status?.podIP ?? ''));
const sliceOf = (h: Harness, service: string): EndpointSlice[] =>
  h.list<EndpointSlice>(SLICES, 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
const ips = (addresses: { ip: string }[] | undefined): string[] => (addresses ?? []).map((a) => a.ip);

function setReady(h: Harness, pod: Pod, ready: boolean): void {
  h.put(PODS, runningPod(pod, pod.spec?.nodeName ?? '', pod.status?.podIP ?? '', ready, h.clock.now()));
  h.driver.flush();
}

describe('the endpoints and EndpointSlice controllers', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness(CLUSTER, [createEndpointsController(), createEndpointSliceController()]);
  });
  afterEach(() => h.stop());

  it('change nothing when they start over a loaded cluster that is already consistent', () => {
    h.driver.advance(60_000);
    expect(h.writes).toEqual([]);
  });

  it('move a pod that turns NotReady to notReadyAddresses and back when it is Ready again', () => {
    const [first, second] = podsOf(h, 'web') as [Pod, Pod];
    const firstIp = first.status?.podIP ?? '';
    // The slice has a past (created empty, then filled as the pods came up): the change adds one generation.
    const generation = (sliceOf(h, 'web')[0]?.metadata.generation ?? 0) + 1;
    setReady(h, first, false);

    const endpoints = h.get<Endpoints>(ENDPOINTS, 'default', 'web');
    expect(endpoints.subsets).toEqual([
      {
        addresses: [
          {
            ip: second.status?.podIP,
            nodeName: second.spec?.nodeName,
            targetRef: { kind: 'Pod', namespace: 'default', name: second.metadata.name, uid: second.metadata.uid },
          },
        ],
        notReadyAddresses: [
          { ip: firstIp, nodeName: first.spec?.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: first.metadata.name, uid: first.metadata.uid } },
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(endpoints.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T12:00:00Z');
    const [slice] = sliceOf(h, 'web') as [EndpointSlice];
    expect(slice.endpoints?.find((e) => e.addresses[0] === firstIp)?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(slice.metadata.generation).toBe(generation);
    expect(slice.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }]);

    h.driver.advance(5_000);
    setReady(h, h.get<Pod>(PODS, 'default', first.metadata.name), true);
    expect(ips(h.get<Endpoints>(ENDPOINTS, 'default', 'web').subsets?.[0]?.addresses as { ip: string }[])).toEqual([firstIp, second.status?.podIP]);
    expect(h.get<Endpoints>(ENDPOINTS, 'default', 'web').subsets?.[0]?.notReadyAddresses).toBeUndefined();
    expect(sliceOf(h, 'web')[0]?.endpoints?.map((e) => e.conditions?.ready)).toEqual([true, true]);
  });

  it('publish a pod once it has an IP and is Ready: the placeholder slice gives way to a slice with it', () => {
    const [placeholder] = sliceOf(h, 'db') as [EndpointSlice];
    expect(placeholder.endpoints).toBeNull();
    const [db] = podsOf(h, 'db') as [Pod];
    h.put(PODS, runningPod(db, 'node2', '10.244.1.7', true, h.clock.now()));
    h.driver.flush();

    expect(h.get<Endpoints>(ENDPOINTS, 'default', 'db').subsets).toEqual([
      {
        addresses: [{ ip: '10.244.1.7', nodeName: 'node2', targetRef: { kind: 'Pod', namespace: 'default', name: db.metadata.name, uid: db.metadata.uid } }],
        ports: [{ port: 3306, protocol: 'TCP' }],
      },
    ]);
    const slices = sliceOf(h, 'db');
    expect(slices).toHaveLength(1);
    const slice = slices[0] as EndpointSlice;
    expect(slice.metadata.name).not.toBe(placeholder.metadata.name);
    expect(slice.metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'db' });
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'db', controller: true });
    expect(slice.endpoints).toEqual([
      {
        addresses: ['10.244.1.7'],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: db.metadata.name, uid: db.metadata.uid },
        nodeName: 'node2',
      },
    ]);
    expect(slice.ports).toEqual([{ name: '', protocol: 'TCP', port: 3306 }]);
  });

  it('drop a terminating pod from Endpoints but keep it in the slice as terminating and still serving', () => {
    const [first] = podsOf(h, 'web') as [Pod];
    h.put(PODS, { ...first, metadata: { ...first.metadata, deletionTimestamp: '2026-01-01T12:00:30Z', deletionGracePeriodSeconds: 30 } });
    h.driver.flush();
    expect(ips(h.get<Endpoints>(ENDPOINTS, 'default', 'web').subsets?.[0]?.addresses as { ip: string }[])).not.toContain(first.status?.podIP);
    expect(sliceOf(h, 'web')[0]?.endpoints?.find((e) => e.addresses[0] === first.status?.podIP)?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });

    h.cluster.store.delete(PODS, 'default', first.metadata.name);
    h.driver.flush();
    expect(sliceOf(h, 'web')[0]?.endpoints).toHaveLength(1);
  });

  it('remove the Endpoints and slices of a deleted service', () => {
    h.cluster.store.delete('/services', 'default', 'web');
    h.driver.flush();
    expect(h.find(ENDPOINTS, 'default', 'web')).toBeUndefined();
    expect(sliceOf(h, 'web')).toEqual([]);
  });
});
