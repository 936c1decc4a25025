import { SeededRandom } from '../../../src/cluster/simulation/random.js';
import { SimulatedMetrics } from '../../../src/cluster/simulation/metrics/index.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { sampleObjects, START } from '../../support/sample-objects.js';
import { testApp, type TestApp } from '../../support/test-app.js';

/** A node whose kubelet stopped posting status: known to the API, without metrics. */
export function unknownNode(name: string): KubeObject {
  const ago = new Date(START - 300_000).toISOString().replace('.000Z', 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-node-${name}`, creationTimestamp: ago, labels: { 'kubernetes.io/hostname': name } },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', lastHeartbeatTime: ago, lastTransitionTime: ago }], capacity: { cpu: '2', memory: '4Gi' }, allocatable: { cpu: '2', memory: '4Gi' } },
  };
}

/**
 * The API over the sample cluster with simulated metrics attached as `cluster.metrics`, the field the
 * metrics handler reads (until Cluster declares it, it is attached here).
 */
export function metricsApp(objects: KubeObject[] = [...sampleObjects(), unknownNode('node4')], withMetrics = true): TestApp {
  const app = testApp(objects);
  if (withMetrics) {
    Object.assign(app.cluster, { metrics: new SimulatedMetrics({ store: app.cluster.store, clock: app.clock, random: new SeededRandom(1).fork('metrics') }) });
  }
  return app;
}
