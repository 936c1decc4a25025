import type { Express } from 'express';
import { ApiMetrics } from '../../src/api/observability/index.js';
import { createApp } from '../../src/api/server.js';
import { createLogger } from '../../src/logging/logger.js';
import { type Cluster, type KubeObject, loadCluster, ManualClock } from '../../src/cluster/index.js';
import { sampleObjects, START } from './sample-objects.js';

export interface TestApp {
  app: Express;
  cluster: Cluster;
  clock: ManualClock;
}

/** The API app over a cluster of the given objects, on a clock that stands still until a test moves it. */
export function testApp(objects: KubeObject[] = sampleObjects(), historyCapacity?: number): TestApp {
  const clock = new ManualClock(START);
  const cluster = loadCluster({ objects }, { clock, now: new Date(START), ...(historyCapacity !== undefined ? { historyCapacity } : {}) });
  const app = createApp(cluster, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });
  return { app, cluster, clock };
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
