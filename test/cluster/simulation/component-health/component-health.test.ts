import type { KubeObject } from '../../../../src/cluster/objects.js';
import { ComponentHealth, ComponentHealthController, etcdHealthCheck } from '../../../../src/cluster/simulation/component-health/index.js';
import { testSimulation } from '../simulation-test-cluster.js';

const cs = (name: string, status: 'True' | 'False', message: string) => ({
  resource: '/componentstatuses' as const,
  object: { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name }, conditions: [{ type: 'Healthy', status, message }] } as KubeObject,
});

function setup(objects = [cs('scheduler', 'True', 'ok'), cs('controller-manager', 'True', 'ok'), cs('etcd-0', 'True', '{"health":"true"}')]) {
  const sim = testSimulation(objects);
  const health = ComponentHealth.fromStore(sim.store);
  const controller = new ComponentHealthController(health);
  controller.start(sim.context);
  sim.driver.flush();
  const condition = (name: string) => (sim.store.get('/componentstatuses', undefined, name)?.object.conditions as unknown[] | undefined)?.[0];
  return { ...sim, health, controller, condition };
}

describe('ComponentHealth and its controller', () => {
  test('start from the ComponentStatus objects of the cluster file and leave them untouched while nothing changes', () => {
    const { health, store } = setup([cs('scheduler', 'False', 'down'), cs('etcd-0', 'True', '{"health":"true"}')]);
    expect(health.state('scheduler')).toEqual({ healthy: false, message: 'down' });
    expect(health.state('etcd')).toEqual({ healthy: true, message: '{"health":"true"}' });
    expect(store.get('/componentstatuses', undefined, 'scheduler')?.resourceVersion).toBe(1);
    // controller-manager had no object: it is created, healthy.
    expect(store.get('/componentstatuses', undefined, 'controller-manager')?.object.conditions).toEqual([{ type: 'Healthy', status: 'True', message: 'ok' }]);
    expect(store.get('/componentstatuses', undefined, 'etcd-0')?.resourceVersion).toBe(2);
  });

  test.each([
    ['scheduler', 'scheduler', 'Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused'],
    ['controller-manager', 'controller-manager', 'Get "https://127.0.0.1:10257/healthz": dial tcp 127.0.0.1:10257: connect: connection refused'],
    ['etcd', 'etcd-0', 'Get "https://127.0.0.1:2379/health": dial tcp 127.0.0.1:2379: connect: connection refused'],
  ] as const)('an unhealthy %s is written as %s with the failed probe as its message, at the next task', (component, name, message) => {
    const { health, driver, condition } = setup();
    health.setHealthy(component, false);
    expect(condition(name)).toMatchObject({ status: 'True' });
    driver.flush();
    expect(condition(name)).toEqual({ type: 'Healthy', status: 'False', message });
  });

  test('recovering gives back the message the component answered with when healthy; a given message wins', () => {
    const { health, driver, condition } = setup();
    health.setHealthy('etcd', false, 'context deadline exceeded');
    driver.flush();
    expect(condition('etcd-0')).toEqual({ type: 'Healthy', status: 'False', message: 'context deadline exceeded' });
    health.setHealthy('etcd', true);
    driver.flush();
    expect(condition('etcd-0')).toEqual({ type: 'Healthy', status: 'True', message: '{"health":"true"}' });
  });

  test('setting the state a component already has writes nothing', () => {
    const { health, driver, store } = setup();
    const before = store.resourceVersion;
    health.setHealthy('scheduler', true);
    driver.flush();
    expect(store.resourceVersion).toBe(before);
  });

  test('an unknown component is refused', () => {
    const { health } = setup();
    expect(() => health.setHealthy('kubelet' as 'etcd', false)).toThrow('unknown component "kubelet"');
  });

  test('after stop, changes are no longer written', () => {
    const { health, driver, controller, condition } = setup();
    controller.stop();
    health.setHealthy('scheduler', false);
    driver.flush();
    expect(condition('scheduler')).toMatchObject({ status: 'True' });
  });

  test('the etcd health check fails while etcd is unhealthy, and only then', () => {
    const health = new ComponentHealth();
    const etcd = etcdHealthCheck(health);
    expect(etcd.name).toBe('etcd');
    expect(etcd.check()).toBeUndefined();
    health.setHealthy('etcd', false);
    expect(etcd.check()).toBe('error getting data from etcd: context deadline exceeded');
    health.setHealthy('scheduler', false);
    health.setHealthy('etcd', true);
    expect(etcd.check()).toBeUndefined();
  });
});
