import { loadClusterText } from '../../../../src/cluster/fixtures/index.js';
import type { ScenarioStep } from '../../../../src/cluster/fixtures/compact/scenario-model.js';
import type { ComponentStatus, KubeObject, Node, Pod } from '../../../../src/cluster/objects.js';
import { ComponentHealth, ComponentHealthController } from '../../../../src/cluster/simulation/component-health/index.js';
import type { Controller } from '../../../../src/cluster/simulation/controller.js';
import { KubeletFleet } from '../../../../src/cluster/simulation/kubelet/kubelet-fleet.js';
import { NodeLifecycleController } from '../../../../src/cluster/simulation/node-lifecycle/node-lifecycle-controller.js';
import { ScenarioRunner } from '../../../../src/cluster/simulation/scenario/index.js';
import type { Lease } from '../../../../src/cluster/simulation/types.js';
import { replayedObjects, START, type TestSimulation, testSimulation } from '../simulation-test-cluster.js';

/** A three-node cluster (node3 NotReady) with a Deployment and a static pod, and the scenario given. */
function clusterText(scenario: string): string {
  return `
apiVersion: kubefacade.dev/v1alpha1
kind: Cluster
spec:
  kubernetesVersion: v1.14.2
  networkPlugin: weave
  nodes:
    - { name: node1, roles: [master], internalIP: 10.0.0.1, age: 10m }
    - { name: node2, internalIP: 10.0.0.2, age: 9m }
    - { name: node3, internalIP: 10.0.0.3, age: 1m, ready: false }
  workloads:
    - { name: etcd, namespace: kube-system, kind: StaticPod, nodes: [node1], image: "k8s.gcr.io/etcd:3.3.10" }
    - { name: web, image: "nginx:1.17", replicas: 2, nodes: [node2], age: 5m }
  scenario:
${scenario
  .trim()
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;
}

interface Run extends TestSimulation {
  applied: [string, boolean][];
  health: ComponentHealth;
}

/** Loads the cluster at START, starts the kubelets, the node lifecycle controller and the runner on a manual clock. */
function run(scenario: string, extra: Controller[] = []): Run {
  const loaded = loadClusterText(clusterText(scenario), { now: new Date(START), fileName: 'runner.yaml' });
  const simulation = testSimulation(replayedObjects(clusterText(scenario), START));
  const kubelets = new KubeletFleet();
  const health = ComponentHealth.fromStore(simulation.store);
  const applied: [string, boolean][] = [];
  const onStep = (step: ScenarioStep, done: boolean): void => void applied.push([step.action.type, done]);
  const controllers = [
    new NodeLifecycleController(),
    kubelets,
    new ComponentHealthController(health),
    ...extra,
    new ScenarioRunner(loaded.scenario ?? [], { kubelets, components: health, onStep }),
  ];
  for (const controller of controllers) controller.start(simulation.context);
  return { ...simulation, applied, health };
}

const SECOND = 1000;
const nodeOf = (r: Run, name: string): Node | undefined => r.store.get('/nodes', undefined, name)?.object as Node | undefined;
const condition = (r: Run, name: string, type: string): string | undefined => nodeOf(r, name)?.status?.conditions?.find((c) => c.type === type)?.status;
const renewTime = (r: Run, name: string): string | undefined =>
  (r.store.get('coordination.k8s.io/leases', 'kube-node-lease', name)?.object as Lease | undefined)?.spec?.renewTime;
const deployment = (r: Run): KubeObject & { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } } =>
  r.store.get('apps/deployments', 'default', 'web')?.object as KubeObject & {
    spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
  };

describe('the scenario runner', () => {
  it('does nothing before a step is due, then applies it at its instant after the start', () => {
    const r = run('- { at: 20s, nodeReady: node3 }');
    r.driver.advance(19 * SECOND);
    expect(condition(r, 'node3', 'Ready')).toBe('False');
    expect(r.applied).toEqual([]);
    r.driver.advance(1 * SECOND);
    expect(r.applied).toEqual([['nodeReady', true]]);
  });

  it('turns a node Ready through its kubelet, after the network add-on clears NetworkUnavailable', () => {
    const r = run('- { at: 20s, nodeReady: node3 }');
    r.driver.advance(20 * SECOND);
    expect(nodeOf(r, 'node3')?.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NetworkUnavailable', 'False', 'WeaveIsUp'],
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
  });

  it('fails a node by silencing its kubelet, so the node lifecycle controller marks it Unknown after the grace period', () => {
    const r = run('- { at: 30s, nodeFails: node2 }');
    r.driver.advance(30 * SECOND);
    const lastRenewal = renewTime(r, 'node2');
    r.driver.advance(60 * SECOND);
    expect(renewTime(r, 'node2')).toBe(lastRenewal);
    expect(condition(r, 'node2', 'Ready')).toBe('Unknown');
    expect(nodeOf(r, 'node2')?.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
  });

  it('recovers a failed node: its kubelet starts again, renews its Lease and reports Ready', () => {
    const r = run('- { at: 10s, nodeFails: node2 }\n- { at: 2m, nodeRecovers: node2 }');
    r.driver.advance(119 * SECOND);
    expect(condition(r, 'node2', 'Ready')).toBe('Unknown');
    r.driver.advance(11 * SECOND);
    expect(condition(r, 'node2', 'Ready')).toBe('True');
    expect(Date.parse(renewTime(r, 'node2') ?? '')).toBeGreaterThanOrEqual(START + 120 * SECOND);
    expect(nodeOf(r, 'node2')?.spec?.taints).toBeUndefined();
    expect(r.applied).toEqual([
      ['nodeFails', true],
      ['nodeRecovers', true],
    ]);
  });

  it('registers a joining node as its kubelet would, NotReady until its network comes up', () => {
    const r = run('- { at: 50s, nodeJoins: { name: node4, internalIP: 10.0.0.4, ready: false } }\n- { at: 65s, nodeReady: node4 }');
    r.driver.advance(49 * SECOND);
    expect(nodeOf(r, 'node4')).toBeUndefined();
    r.driver.advance(1 * SECOND);
    expect(nodeOf(r, 'node4')?.metadata.creationTimestamp).toBe(new Date(START + 50 * SECOND).toISOString().replace('.000Z', 'Z'));
    // One create with its first conditions and the taint a kubelet registers with: no watcher sees it without them.
    const added = r.changes.find((c) => c.resource === '/nodes' && c.type === 'ADDED' && c.object.name === 'node4')?.object.object as Node | undefined;
    expect(added?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'KubeletNotReady' });
    expect(added?.spec?.taints).toContainEqual({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
    expect(nodeOf(r, 'node4')?.spec?.podCIDR).toBe('10.244.3.0/24');
    r.driver.advance(5 * SECOND);
    expect(renewTime(r, 'node4')).toBeDefined();
    expect(condition(r, 'node4', 'Ready')).toBe('False');
    expect(nodeOf(r, 'node4')?.spec?.taints?.map((t) => t.key)).toContain('node.kubernetes.io/not-ready');
    r.driver.advance(15 * SECOND);
    expect(condition(r, 'node4', 'Ready')).toBe('True');
  });

  it('scales a Deployment and sets its image as kubectl would, bumping the generation each time', () => {
    const r = run(
      '- { at: 10s, scale: { deployment: web, replicas: 4 } }\n- { at: 20s, setImage: { deployment: web, container: nginx, image: "nginx:1.17.1" } }',
    );
    r.driver.advance(10 * SECOND);
    expect([deployment(r).spec.replicas, deployment(r).metadata.generation]).toEqual([4, 2]);
    r.driver.advance(10 * SECOND);
    expect([deployment(r).spec.template.spec.containers[0]?.image, deployment(r).metadata.generation]).toEqual(['nginx:1.17.1', 3]);
  });

  it("crashes a container through its node's kubelet, which restarts it", () => {
    const r = run('- { at: 30s, crash: { pod: kube-system/etcd-node1, exitCode: 137 } }');
    r.driver.advance(35 * SECOND);
    const status = (r.store.get('/pods', 'kube-system', 'etcd-node1')?.object as Pod).status?.containerStatuses?.[0];
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(status?.state?.running).toBeDefined();
    expect(r.applied).toEqual([['crash', true]]);
  });

  it('crashes the first running pod of a workload, by name', () => {
    const r = run('- { at: 30s, crash: { workload: web } }');
    r.driver.advance(35 * SECOND);
    const restarts = r.store.list('/pods', { namespace: 'default' }).items.map((s) => [s.name, (s.object as Pod).status?.containerStatuses?.[0]?.restartCount]);
    expect(restarts.map(([, count]) => count)).toEqual([1, 0]);
  });

  it('reports a step that found nothing to act on', () => {
    const r = run('- { at: 10s, nodeFails: node2 }\n- { at: 20s, crash: { workload: web } }');
    r.driver.advance(20 * SECOND);
    expect(r.applied).toEqual([
      ['nodeFails', true],
      ['crash', false],
    ]);
  });

  it('turns a component unhealthy and healthy again through the component health registry', () => {
    const r = run('- { at: 10s, componentUnhealthy: etcd-0 }\n- { at: 20s, componentHealthy: etcd-0 }');
    const etcd = (): unknown => (r.store.get('/componentstatuses', undefined, 'etcd-0')?.object as ComponentStatus).conditions?.[0];
    r.driver.advance(10 * SECOND);
    expect(etcd()).toEqual({
      type: 'Healthy',
      status: 'False',
      message: 'Get "https://127.0.0.1:2379/health": dial tcp 127.0.0.1:2379: connect: connection refused',
    });
    r.driver.advance(10 * SECOND);
    expect(etcd()).toEqual({ type: 'Healthy', status: 'True', message: '{"health":"true"}' });
  });

  it('schedules nothing more once stopped', () => {
    const text = clusterText('- { at: 10s, scale: { deployment: web, replicas: 4 } }');
    const loaded = loadClusterText(text, { now: new Date(START), fileName: 'runner.yaml' });
    const simulation = testSimulation(replayedObjects(text, START));
    const runner = new ScenarioRunner(loaded.scenario ?? []);
    runner.start(simulation.context);
    runner.stop();
    simulation.driver.advance(60 * SECOND);
    expect((simulation.store.get('apps/deployments', 'default', 'web')?.object as KubeObject & { spec: { replicas: number } }).spec.replicas).toBe(2);
  });
});
