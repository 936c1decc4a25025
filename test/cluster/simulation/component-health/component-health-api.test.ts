import request from 'supertest';
import { defaultHealthChecks } from '../../../../src/api/health/health-router.js';
import { ApiMetrics } from '../../../../src/api/observability/index.js';
import { createApp } from '../../../../src/api/server.js';
import { loadCluster } from '../../../../src/cluster/index.js';
import { ComponentHealth, ComponentHealthController, etcdHealthCheck } from '../../../../src/cluster/simulation/component-health/index.js';
import { SimulationClock } from '../../../../src/cluster/simulation/simulation-clock.js';
import { startSimulation } from '../../../../src/cluster/simulation/simulation.js';
import { createLogger } from '../../../../src/logging/logger.js';
import { sampleObjects, START } from '../../../support/sample-objects.js';
import { TABLE_ACCEPT } from '../../../support/test-app.js';

/** The wiring the server needs: one ComponentHealth read by the controller (componentstatuses) and by /readyz (etcd). */
function setup() {
  const clock = new SimulationClock(START);
  const cluster = loadCluster({ objects: sampleObjects() }, { clock, now: new Date(START) });
  const health = ComponentHealth.fromStore(cluster.store);
  const simulation = startSimulation(cluster, { clock, driver: 'manual', controllers: [new ComponentHealthController(health)] });
  const app = createApp(cluster, {
    logger: createLogger('silent'),
    metrics: new ApiMetrics(),
    serverAddress: () => '127.0.0.1:6443',
    healthChecks: defaultHealthChecks({ etcd: etcdHealthCheck(health).check }),
  });
  return { app, health, driver: simulation.manual!, close: () => cluster.close() };
}

describe('component health through the API', () => {
  test('kubectl get componentstatuses shows a flipped component once the simulation has run', async () => {
    const { app, health, driver, close } = setup();
    health.setHealthy('scheduler', false);
    driver.flush();
    const table = await request(app).get('/api/v1/componentstatuses').set('Accept', TABLE_ACCEPT).expect(200);
    const rows = table.body.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 2));
    expect(rows).toEqual([
      ['controller-manager', 'Healthy'],
      ['etcd-0', 'Healthy'],
      ['scheduler', 'Unhealthy'],
    ]);
    const scheduler = await request(app).get('/api/v1/componentstatuses/scheduler').expect(200);
    expect(scheduler.body.conditions).toEqual([
      { type: 'Healthy', status: 'False', message: 'Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused' },
    ]);
    close();
  });

  test('/readyz?verbose fails on etcd while the simulated etcd is unhealthy, and passes again after', async () => {
    const { app, health, close } = setup();
    await request(app).get('/readyz?verbose').expect(200);
    health.setHealthy('etcd', false);
    const failing = await request(app).get('/readyz?verbose').expect(500);
    expect(failing.text).toContain('[-]etcd failed: reason withheld\n');
    expect(failing.text).toContain('[-]etcd-readiness failed: reason withheld\n');
    expect(failing.text.endsWith('readyz check failed\n')).toBe(true);
    const single = await request(app).get('/readyz/etcd').expect(500);
    expect(single.text).toBe('internal server error: error getting data from etcd: context deadline exceeded\n');
    health.setHealthy('etcd', true);
    const passing = await request(app).get('/readyz?verbose').expect(200);
    expect(passing.text).toContain('[+]etcd ok\n');
    close();
  });
});
