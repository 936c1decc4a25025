import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { Cluster, type KubeObject } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
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
    status: {
      conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', lastHeartbeatTime: ago, lastTransitionTime: ago }],
      capacity: { cpu: '2', memory: '4Gi' },
      allocatable: { cpu: '2', memory: '4Gi' },
    },
  };
}

/**
 * The API over the sample cluster, whose simulated metrics the cluster computes itself; or, without metrics,
 * the same cluster with no metrics-server at all.
 */
export function metricsApp(objects: KubeObject[] = [...sampleObjects(), unknownNode('node4')], withMetrics = true): TestApp {
  const app = testApp(objects);
  if (withMetrics) return app;
  const { cluster } = app;
  const bare = new Cluster({
    store: cluster.store,
    registry: cluster.registry,
    logs: cluster.logs,
    clock: cluster.clock,
    components: cluster.components,
    summary: cluster.summary,
  });
  const server = createApp(bare, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });
  return { ...app, app: server, cluster: bare };
}
