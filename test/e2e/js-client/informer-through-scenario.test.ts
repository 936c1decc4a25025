/**
 * An informer of the official JS client left running while the talk's scenario plays on the simulation's manual
 * clock (nodes turning Ready, node5 joining, web scaled, node2 failing, evictions, a rollout): at the end its
 * cache holds exactly what a fresh list returns. Time is stepped, never waited for; the test waits only for the
 * informer to have received what the server already sent.
 */
import { CoreV1Api, makeInformer, type KubernetesObject, type V1Node, type V1Pod } from '@kubernetes/client-node';
import { startKubefacade, type RunningKubefacade } from '../../../src/index.js';
import type { ManualDriver } from '../../../src/cluster/simulation/drivers.js';

type Informer<T extends KubernetesObject> = ReturnType<typeof makeInformer<T>>;

const SCENARIO_END_MS = 12 * 60_000;
const STEP_MS = 5_000;

function stateOf(objects: readonly KubernetesObject[]): string[] {
  return objects.map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name} @${o.metadata?.resourceVersion}`).sort();
}

/** Resolves once `check` holds, looking again after each turn of the event loop (the informer's stream is async). */
async function eventually(check: () => Promise<boolean>, attempts = 400): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the informer never caught up with the server');
}

describe('a JS client informer through the whole talk scenario', () => {
  let running: RunningKubefacade;
  let pods: Informer<V1Pod>;
  let nodes: Informer<V1Node>;

  beforeAll(async () => {
    running = await startKubefacade({ simulate: true, driver: 'manual', seed: 1 });
    const core = running.kubeConfig.makeApiClient(CoreV1Api);
    pods = makeInformer<V1Pod>(running.kubeConfig, '/api/v1/pods', () => core.listPodForAllNamespaces());
    nodes = makeInformer<V1Node>(running.kubeConfig, '/api/v1/nodes', () => core.listNode());
    await Promise.all([pods.start(), nodes.start()]);
  });

  afterAll(async () => {
    await pods?.stop();
    await nodes?.stop();
    await running?.stop();
  });

  test('ends with exactly the state a fresh list returns', async () => {
    const driver = running.simulation?.manual as ManualDriver;
    expect(driver).toBeDefined();
    const core = running.kubeConfig.makeApiClient(CoreV1Api);
    let changesSeen = 0;
    pods.on('update', () => changesSeen++);
    pods.on('add', () => changesSeen++);
    pods.on('delete', () => changesSeen++);
    for (let elapsed = 0; elapsed < SCENARIO_END_MS; elapsed += STEP_MS) {
      driver.advance(STEP_MS);
      // Let the watch streams deliver what this step wrote before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const freshPods = async () => stateOf((await core.listPodForAllNamespaces()).items);
    const freshNodes = async () => stateOf((await core.listNode()).items);
    await eventually(async () => JSON.stringify(stateOf(pods.list())) === JSON.stringify(await freshPods()));
    await eventually(async () => JSON.stringify(stateOf(nodes.list())) === JSON.stringify(await freshNodes()));

    expect(stateOf(pods.list())).toEqual(await freshPods());
    expect(stateOf(nodes.list())).toEqual(await freshNodes());
    // The scenario did happen: node5 joined, web runs 4 pods, the informer saw many changes on the way.
    expect(nodes.list().map((n) => n.metadata?.name)).toContain('node5');
    expect(pods.list().filter((p) => p.metadata?.labels?.['app'] === 'web' && p.status?.phase === 'Running')).toHaveLength(4);
    expect(changesSeen).toBeGreaterThan(50);
  });
});
