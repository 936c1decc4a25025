/**
 * The default cluster has a past: its history was replayed through the scheduler, the kubelets and the
 * controllers before the server listened, so right after start kubectl shows the events of how it came to be,
 * each at its own age. kubectl computes ages from its own clock: they are matched as at least the age at start.
 */
import { podsOf } from '../talk-cluster.js';
import { type CaseContext, kubectlCases } from './kubectl-cases.js';

/** The rows of describe's Events table: [type, reason, age, from, message]. */
function eventRows(stdout: string): string[][] {
  const all = stdout.split('\n');
  const start = all.findIndex((line) => line.startsWith('Events:'));
  return all
    .slice(start + 3)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s{2,}/));
}

/** An age kubectl printed (`39s`, `92s`, `37s (x2 over 47s)`): its first duration, in seconds. */
function seconds(age: string): number {
  const match = /^(?:(\d+)m)?(\d+)s/.exec(age);
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2]) : Number.NaN;
}

const NODE_AGES: Record<string, number> = { node1: 92, node2: 57, node3: 39, node4: 32 };

function nodeCase(node: string): Parameters<typeof kubectlCases>[1][number] {
  return {
    says: `shows ${node} registered and its kubelet started at its own age`,
    args: ['describe', 'node', node],
    check: ({ stdout }) => {
      const rows = eventRows(stdout);
      const at = (reason: string): number => seconds(rows.find((row) => row[1] === reason)?.[2] ?? '');
      for (const reason of ['Starting', 'RegisteredNode', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
        expect([reason, at(reason) >= (NODE_AGES[node] ?? 0)]).toEqual([reason, true]);
      }
      expect(rows.find((row) => row[1] === 'Starting')?.slice(3)).toEqual(['kubelet', 'Starting kubelet.']);
      expect(rows.find((row) => row[1] === 'RegisteredNode')?.slice(3)).toEqual([
        'node-controller',
        `Node ${node} event: Registered Node ${node} in Controller`,
      ]);
    },
  };
}

kubectlCases('events of the past at start', [
  ...Object.keys(NODE_AGES).map(nodeCase),
  {
    says: 'shows a web pod scheduled, its image pulled, its container created and started, before the start',
    args: ['describe', 'pod', '<web-1>'],
    check: ({ stdout }) => {
      const rows = eventRows(stdout);
      expect(rows.map((row) => row[1])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
      expect(rows[0]?.[3]).toBe('default-scheduler');
      for (const row of rows) expect(seconds(row[2] ?? '')).toBeGreaterThan(0);
      expect(seconds(rows[0]?.[2] ?? '')).toBeGreaterThanOrEqual(25);
    },
  },
  {
    says: 'lists the scheduling of every pod the scheduler placed, in every namespace',
    args: ['get', 'events', '-A', '--field-selector', 'reason=Scheduled', '-o', 'custom-columns=NAME:.involvedObject.name', '--no-headers'],
    check: ({ stdout }, { server }: CaseContext) => {
      const { store } = server.running.cluster;
      const scheduled = stdout.trim().split('\n').sort();
      const expected = ['web', 'coredns', 'kube-proxy', 'weave-net'].flatMap((role) => podsOf(store, role)).sort();
      expect(scheduled).toEqual(expected);
    },
  },
]);
