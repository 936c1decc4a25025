import { podPrinter } from '../../../src/api/printing/pod-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/** Cases of k/k pkg/printers/internalversion/printers_test.go (TestPrintPod, …WithRestartableInitContainer, …wide). */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
const DAY = 24 * 3600;

type Json = Record<string, unknown>;

function pod(spec: Json, status: Json, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'test1', namespace: 'default', creationTimestamp: ago(60), ...metadata },
    spec: { containers: [{ name: 'c1' }, { name: 'c2' }], ...spec },
    status,
  };
}

const containers = (n: number): Json => ({ containers: Array.from({ length: n }, (_, i) => ({ name: `c${i + 1}` })) });
const restartedAgo = (restartCount: number, seconds: number): Json => ({ restartCount, lastState: { terminated: { exitCode: 1, finishedAt: ago(seconds) } } });
const runningReady = { ready: true, state: { running: {} } };
const sidecar = (name: string): Json => ({ name, restartPolicy: 'Always' });
const condition = (type: string, status: string, reason?: string): Json => ({ type, status, ...(reason ? { reason } : {}) });

interface Case {
  name: string;
  pod: KubeObject;
  ready: string;
  status: string;
  restarts: string;
}

const cases: Case[] = [
  {
    name: 'a ready running container and one without state show the phase',
    pod: pod(
      {},
      {
        phase: 'podPhase',
        containerStatuses: [
          { name: 'c1', restartCount: 3, ...runningReady },
          { name: 'c2', restartCount: 3 },
        ],
      },
    ),
    ready: '1/2',
    status: 'podPhase',
    restarts: '6',
  },
  {
    name: 'a waiting container gives its reason',
    pod: pod(
      {},
      {
        phase: 'podPhase',
        containerStatuses: [
          { name: 'c1', restartCount: 3, ...runningReady },
          { name: 'c2', restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
        ],
      },
    ),
    ready: '1/2',
    status: 'ContainerWaitingReason',
    restarts: '6',
  },
  {
    name: 'the first container in spec order wins over a later terminated one',
    pod: pod(
      {},
      {
        phase: 'podPhase',
        containerStatuses: [
          { name: 'c1', restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
          { name: 'c2', restartCount: 3, state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 1 } } },
        ],
      },
    ),
    ready: '0/2',
    status: 'ContainerWaitingReason',
    restarts: '6',
  },
  {
    name: 'a pod reason replaces the phase',
    pod: pod(
      {},
      {
        phase: 'podPhase',
        reason: 'podReason',
        containerStatuses: [
          { name: 'c1', restartCount: 3, ...runningReady },
          { name: 'c2', restartCount: 3 },
        ],
      },
    ),
    ready: '1/2',
    status: 'podReason',
    restarts: '6',
  },
  {
    name: 'a Completed container beside a running one is NotReady without a Ready condition',
    pod: pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'c1', restartCount: 3, ready: true, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { name: 'c2', restartCount: 3, ...runningReady },
        ],
      },
    ),
    ready: '1/2',
    status: 'NotReady',
    restarts: '6',
  },
  {
    name: 'a Completed container beside a running one is Running with Ready=True',
    pod: pod(
      {},
      {
        phase: 'Running',
        conditions: [condition('Ready', 'True')],
        containerStatuses: [
          { name: 'c1', restartCount: 3, ready: true, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { name: 'c2', restartCount: 3, ...runningReady },
        ],
      },
    ),
    ready: '1/2',
    status: 'Running',
    restarts: '6',
  },
  {
    name: 'a running init container shows Init:0/1 and its restarts with their age',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'i1', ...restartedAgo(3, 10), state: { running: {} } }],
        containerStatuses: [{ name: 'c1', restartCount: 0, state: { waiting: {} } }],
      },
    ),
    ready: '0/1',
    status: 'Init:0/1',
    restarts: '3 (10s ago)',
  },
  {
    name: 'a finished first init container moves the count to Init:1/2',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }, { name: 'i2' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'i2', ...restartedAgo(3, 10), state: { running: {} } },
        ],
        containerStatuses: [{ name: 'c1', restartCount: 0, state: { waiting: {} } }],
      },
    ),
    ready: '0/1',
    status: 'Init:1/2',
    restarts: '3 (10s ago)',
  },
  {
    name: 'init restarts add up and the newest restart is shown',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }, { name: 'i2' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', ...restartedAgo(2, 120), state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'i2', ...restartedAgo(3, 10), state: { running: {} } },
        ],
        containerStatuses: [{ name: 'c1', restartCount: 0, state: { waiting: {} } }],
      },
    ),
    ready: '0/1',
    status: 'Init:1/2',
    restarts: '5 (10s ago)',
  },
  {
    name: 'once initialized, only regular container restarts count',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }] },
      {
        phase: 'Running',
        initContainerStatuses: [{ name: 'i1', ...restartedAgo(2, 120), state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [{ name: 'c1', ...restartedAgo(4, 20), ready: false, state: { running: {} } }],
      },
    ),
    ready: '0/1',
    status: 'Running',
    restarts: '4 (20s ago)',
  },
  {
    name: 'a restart five days ago is shown in days',
    pod: pod(containers(1), { phase: 'Running', containerStatuses: [{ name: 'c1', ...restartedAgo(3, 5 * DAY), ...runningReady }] }),
    ready: '1/1',
    status: 'Running',
    restarts: '3 (5d ago)',
  },
  {
    name: 'the most recent restart of several containers is shown',
    pod: pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'c1', ...restartedAgo(6, 5 * DAY), ...runningReady },
          { name: 'c2', ...restartedAgo(3, 20 * DAY), ...runningReady },
        ],
      },
    ),
    ready: '2/2',
    status: 'Running',
    restarts: '9 (5d ago)',
  },
  {
    name: 'a scheduling-gated pod says SchedulingGated',
    pod: pod({}, { phase: 'Pending', conditions: [condition('PodScheduled', 'False', 'SchedulingGated')] }),
    ready: '0/2',
    status: 'SchedulingGated',
    restarts: '0',
  },
  {
    name: 'a succeeded pod shows Completed',
    pod: pod(containers(1), {
      phase: 'Succeeded',
      containerStatuses: [{ name: 'c1', restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
    }),
    ready: '0/1',
    status: 'Completed',
    restarts: '0',
  },
  {
    name: 'a failed pod shows the terminated reason',
    pod: pod(containers(1), { phase: 'Failed', containerStatuses: [{ name: 'c1', restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } }] }),
    ready: '0/1',
    status: 'Error',
    restarts: '0',
  },
  {
    name: 'a deleted pod that finished keeps its final status',
    pod: pod(
      containers(1),
      { phase: 'Succeeded', containerStatuses: [{ name: 'c1', restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
      { deletionTimestamp: ago(1) },
    ),
    ready: '0/1',
    status: 'Completed',
    restarts: '0',
  },
  {
    name: 'a deleted running pod is Terminating',
    pod: pod(
      containers(1),
      { phase: 'Running', containerStatuses: [{ name: 'c1', restartCount: 0, ready: false, state: { running: {} } }] },
      { deletionTimestamp: ago(1) },
    ),
    ready: '0/1',
    status: 'Terminating',
    restarts: '0',
  },
  {
    name: 'a deleted pending pod is Terminating',
    pod: pod(containers(1), { phase: 'Pending' }, { deletionTimestamp: ago(1) }),
    ready: '0/1',
    status: 'Terminating',
    restarts: '0',
  },
  {
    name: 'a deleted pod on a lost node is Unknown',
    pod: pod(containers(1), { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(1) }),
    ready: '0/1',
    status: 'Unknown',
    restarts: '0',
  },
  {
    name: 'an init container that failed without a reason shows its exit code',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 2 } } }] },
    ),
    ready: '0/1',
    status: 'Init:ExitCode:2',
    restarts: '0',
  },
  {
    name: 'an init container killed by a signal shows the signal',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] },
    ),
    ready: '0/1',
    status: 'Init:Signal:9',
    restarts: '0',
  },
  {
    name: 'a waiting init container shows its reason',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'i1' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] },
    ),
    ready: '0/1',
    status: 'Init:ImagePullBackOff',
    restarts: '0',
  },
  {
    name: 'a container terminated without a reason shows its exit code',
    pod: pod(containers(1), { phase: 'Running', containerStatuses: [{ name: 'c1', restartCount: 0, state: { terminated: { exitCode: 1 } } }] }),
    ready: '0/1',
    status: 'ExitCode:1',
    restarts: '0',
  },
  {
    name: 'an unstarted sidecar keeps the pod in Init:0/2',
    pod: pod(
      { ...containers(1), initContainers: [sidecar('s1'), sidecar('s2')] },
      {
        phase: 'Pending',
        conditions: [condition('Initialized', 'False')],
        initContainerStatuses: [
          { name: 's1', ...restartedAgo(3, 10), started: false, state: { running: {} } },
          { name: 's2', restartCount: 0, started: false, state: { waiting: {} } },
        ],
        containerStatuses: [{ name: 'c1', restartCount: 0, state: { waiting: {} } }],
      },
    ),
    ready: '0/3',
    status: 'Init:0/2',
    restarts: '3 (10s ago)',
  },
  {
    name: 'a started sidecar lets initialization move on',
    pod: pod(
      { ...containers(1), initContainers: [sidecar('s1'), sidecar('s2')] },
      {
        phase: 'Pending',
        conditions: [condition('Initialized', 'False')],
        initContainerStatuses: [
          { name: 's1', ...restartedAgo(3, 10), started: true, state: { running: {} } },
          { name: 's2', restartCount: 0, started: false, state: { waiting: {} } },
        ],
        containerStatuses: [{ name: 'c1', restartCount: 0, state: { waiting: {} } }],
      },
    ),
    ready: '0/3',
    status: 'Init:1/2',
    restarts: '3 (10s ago)',
  },
  {
    name: 'sidecar restarts count with the containers once initialized',
    pod: pod(
      { ...containers(1), initContainers: [sidecar('s1'), sidecar('s2')] },
      {
        phase: 'Running',
        conditions: [condition('Initialized', 'True')],
        initContainerStatuses: [
          { name: 's1', ...restartedAgo(3, 10), started: true, state: { running: {} } },
          { name: 's2', restartCount: 0, started: true, state: { running: {} } },
        ],
        containerStatuses: [{ name: 'c1', ...restartedAgo(4, 20), ...runningReady }],
      },
    ),
    ready: '1/3',
    status: 'Running',
    restarts: '7 (10s ago)',
  },
  {
    name: 'a completed pod with failed sidecars is Completed',
    pod: pod(
      { ...containers(1), initContainers: [sidecar('s1'), sidecar('s2')] },
      {
        phase: 'Succeeded',
        conditions: [condition('Initialized', 'True')],
        initContainerStatuses: [
          { name: 's1', ...restartedAgo(3, 10), started: false, state: { terminated: { exitCode: 137, reason: 'Error' } } },
          { name: 's2', restartCount: 0, started: false, state: { terminated: { exitCode: 137, reason: 'Error' } } },
        ],
        containerStatuses: [{ name: 'c1', ...restartedAgo(4, 20), ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    ),
    ready: '0/3',
    status: 'Completed',
    restarts: '7 (10s ago)',
  },
  {
    name: 'statuses naming containers absent from the spec are not sidecars',
    pod: pod(
      { ...containers(1), initContainers: [{ name: 'init1' }, sidecar('sidecar1')] },
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'initinvalid', restartCount: 0, started: true, state: { running: {} } }],
        containerStatuses: [{ name: 'containerinvalid', restartCount: 0, ...runningReady }],
      },
    ),
    ready: '0/2',
    status: 'Init:0/2',
    restarts: '0',
  },
];

describe('the pod printer', () => {
  it.each(cases)('$name: $ready $status $restarts', ({ pod: object, ready, status, restarts }) => {
    const cells = podPrinter.cells(object, NOW);
    expect(cells.slice(0, 5)).toEqual(['test1', ready, status, restarts, '60s']);
  });

  it('fills the wide cells with the first pod IP, node, nominated node and satisfied readiness gates', () => {
    const object = pod(
      { nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] },
      {
        phase: 'podPhase',
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        nominatedNodeName: 'node1',
        conditions: [condition('condition1', 'False'), condition('condition2', 'True')],
      },
    );
    expect(podPrinter.cells(object, NOW).slice(5)).toEqual(['1.1.1.1', 'test1', 'node1', '1/3']);
  });

  it('shows <none> in every wide cell of an unscheduled pod without an IP', () => {
    expect(podPrinter.cells(pod({}, { phase: 'Pending' }), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('falls back to status.podIP when podIPs is absent', () => {
    expect(podPrinter.cells(pod({}, { podIP: '10.0.0.7' }), NOW)[5]).toBe('10.0.0.7');
  });

  it.each([
    ['Succeeded', [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]],
    ['Failed', [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]],
    ['Running', undefined],
  ])('gives a %s pod the row conditions %j', (phase, expected) => {
    expect(podPrinter.conditions?.(pod({}, { phase }))).toEqual(expected);
  });

  it('declares the nine upstream columns, Restarts as a string', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
  });
});
