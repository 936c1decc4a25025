import { readFileSync } from 'node:fs';
import { loadCluster, type Pod, type ResourceKey } from '../../../../src/cluster/index.js';
import { createDaemonSetController } from '../../../../src/cluster/simulation/daemonset/daemonset-controller.js';
import { createDeploymentController } from '../../../../src/cluster/simulation/deployment/deployment-controller.js';
import { createEndpointsController } from '../../../../src/cluster/simulation/endpoints/endpoints-controller.js';
import { createEndpointSliceController } from '../../../../src/cluster/simulation/endpoints/endpointslice-controller.js';
import { defaultControllers, SimulationClock, startSimulation } from '../../../../src/cluster/simulation/index.js';
import { createReplicaSetController } from '../../../../src/cluster/simulation/replicaset/replicaset-controller.js';
import type { Deployment } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';
import { NOW } from './workload-harness.js';

const workloadControllers = () => [
  createDeploymentController(),
  createReplicaSetController(),
  createDaemonSetController(),
  createEndpointsController(),
  createEndpointSliceController(),
];

function talkCluster(clock: SimulationClock) {
  return loadCluster({ text: readFileSync('fixtures/talk-cluster.yaml', 'utf8'), fileName: 'talk-cluster.yaml' }, { clock, now: new Date(NOW) });
}

describe('the workload and service controllers over the talk cluster', () => {
  it('write nothing when they start: what the loader wrote is what they would have written', () => {
    const clock = new SimulationClock(NOW);
    const cluster = talkCluster(clock);
    const writes: string[] = [];
    for (const resource of [
      '/pods',
      'apps/deployments',
      'apps/replicasets',
      'apps/daemonsets',
      '/endpoints',
      'discovery.k8s.io/endpointslices',
    ] as ResourceKey[]) {
      cluster.store.watch(resource, undefined, (event) => writes.push(`${event.type} ${resource} ${event.object.key}`));
    }
    const simulation = startSimulation(cluster, { clock, driver: 'manual', controllers: workloadControllers() });
    simulation.manual?.advance(1_000);
    expect(writes).toEqual([]);
    simulation.stop();
  });

  it('with the scheduler and kubelets, get a scaled-up deployment scheduled, Ready and behind its service', () => {
    const clock = new SimulationClock(NOW);
    const cluster = talkCluster(clock);
    const simulation = startSimulation(cluster, { clock, driver: 'manual', controllers: [...defaultControllers(), ...workloadControllers()] });
    const web = cluster.store.get('apps/deployments', 'default', 'web')?.object as Deployment;
    cluster.store.update('apps/deployments', {
      ...web,
      metadata: { ...web.metadata, generation: 2 },
      spec: { ...web.spec, selector: web.spec?.selector ?? {}, template: web.spec?.template ?? {}, replicas: 4 },
    });
    simulation.manual?.advance(120_000);

    const pods = cluster.store
      .list('/pods', { namespace: 'default' })
      .items.map((s) => s.object as Pod)
      .filter((p) => p.metadata.labels?.app === 'web');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec?.nodeName && p.status?.phase === 'Running')).toBe(true);
    expect((cluster.store.get('apps/deployments', 'default', 'web')?.object as Deployment).status).toMatchObject({
      replicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      updatedReplicas: 4,
    });
    const endpoints = cluster.store.get('/endpoints', 'default', 'web')?.object as { subsets?: { addresses?: unknown[] }[] };
    expect(endpoints.subsets?.[0]?.addresses).toHaveLength(4);
    simulation.stop();
  });
});
