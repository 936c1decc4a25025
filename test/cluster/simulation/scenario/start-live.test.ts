import { startKubefacade } from '../../../../src/index.js';
import { sampleObjects } from '../../../support/sample-objects.js';

describe('startKubefacade and the simulation', () => {
  it('serves a cluster as loaded unless asked to simulate it', async () => {
    const server = await startKubefacade({ http: true });
    try {
      expect(server.simulation).toBeUndefined();
    } finally {
      await server.stop();
    }
  });

  it('keeps captured objects static under simulate: auto', async () => {
    const server = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true, simulate: 'auto' });
    try {
      expect(server.simulation).toBeUndefined();
    } finally {
      await server.stop();
    }
  });

  it('runs the talk cluster live under simulate: auto, on the clock the API reads, and stops it with the server', async () => {
    const server = await startKubefacade({ http: true, simulate: 'auto', speed: 10, seed: 3 });
    const simulation = server.simulation;
    expect(simulation?.controllers.map((c) => c.name)).toEqual(
      expect.arrayContaining(['node-lifecycle-controller', 'default-scheduler', 'kubelets', 'component-health', 'scenario']),
    );
    expect(server.cluster.clock).toBe(simulation?.clock);
    expect(simulation?.context.random.seed).toBe(3);
    await server.stop();
    const frozen = simulation?.clock.now();
    await new Promise((resolve) => setImmediate(resolve));
    expect(simulation?.clock.now()).toBe(frozen);
  });
});
