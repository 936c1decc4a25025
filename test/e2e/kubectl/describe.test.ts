/**
 * `kubectl describe` of a node and of pods. describe computes ages on the client, from kubectl's own clock,
 * which the frozen server clock does not reach: ages are matched as `<n>s`, everything else exactly.
 */
import { ownerName, podsOf, rfc1123z, secondsBefore } from '../talk-cluster.js';
import { type CaseContext, kubectlCases } from './kubectl-cases.js';

/** The line of a `describe` section that starts with `label` (after its indentation), trimmed. */
function field(stdout: string, label: string): string | undefined {
  return stdout
    .split('\n')
    .find((line) => line.trimStart().startsWith(`${label}:`))
    ?.trimStart()
    .slice(label.length + 1)
    .trim();
}

/** The lines of a describe block: from the line starting `title` to the next line that is not indented. */
function block(stdout: string, title: string): string[] {
  const all = stdout.split('\n');
  const start = all.findIndex((line) => line.startsWith(title));
  if (start < 0) return [];
  const end = all.findIndex((line, index) => index > start && line !== '' && !line.startsWith(' '));
  return all.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

function podsOnNode({ server }: CaseContext, node: string): string[] {
  return server.running.cluster.store
    .list('/pods')
    .items.filter((pod) => (pod.object.spec as { nodeName?: string } | undefined)?.nodeName === node)
    .map((pod) => `${pod.namespace} ${pod.name}`);
}

kubectlCases('kubectl describe', [
  {
    says: 'describes the master: labels, taint, conditions, capacity, system info and the pods it runs',
    args: ['describe', 'node', 'node1'],
    check: ({ stdout }, context) => {
      const { now } = context.server;
      expect(field(stdout, 'Name')).toBe('node1');
      expect(field(stdout, 'Roles')).toBe('master');
      expect(field(stdout, 'CreationTimestamp')).toBe(rfc1123z(secondsBefore(now, 92)));
      expect(field(stdout, 'Taints')).toBe('node-role.kubernetes.io/master:NoSchedule');
      expect(field(stdout, 'Unschedulable')).toBe('false');
      expect(block(stdout, 'Addresses:')).toEqual(['InternalIP:  192.168.0.18', 'Hostname:    node1']);
      const conditions = block(stdout, 'Conditions:')
        .slice(2)
        .map((line) => line.split(/\s+/).slice(0, 2).join(' '));
      expect(conditions).toEqual(['NetworkUnavailable False', 'MemoryPressure False', 'DiskPressure False', 'PIDPressure False', 'Ready True']);
      expect(block(stdout, 'Capacity:')).toEqual(expect.arrayContaining(['cpu:                2', 'memory:             3880524Ki', 'pods:               110']));
      expect(field(stdout, 'Kernel Version')).toBe('4.4.0-141-generic');
      expect(field(stdout, 'OS Image')).toBe('CentOS Linux 7 (Core)');
      expect(field(stdout, 'Container Runtime Version')).toBe('docker://18.9.6');
      expect(field(stdout, 'Kubelet Version')).toBe('v1.14.2');
      expect(field(stdout, 'PodCIDR')).toBe('10.244.0.0/24');
      const expectedPods = podsOnNode(context, 'node1');
      expect(field(stdout, 'Non-terminated Pods')).toBe(`(${expectedPods.length} in total)`);
      const podRows = block(stdout, 'Non-terminated Pods:').slice(2);
      expect(podRows.map((row) => row.split(/\s+/).slice(0, 2).join(' '))).toEqual(expectedPods);
      for (const row of podRows) expect(row).toMatch(/\s\d+s$/);
      // The control plane (550m), weave-net (20m) and both CoreDNS replicas (200m), which the scheduler put on node1.
      expect(stdout).toMatch(/\n {2}cpu {16}770m \(38%\) {2}0 \(0%\)\n/);
      expect(stdout).not.toMatch(/-9223372036854775808%/);
    },
  },
  {
    says: 'describes a static pod of the control plane running on node1',
    args: ['describe', 'pod', '-n', 'kube-system', 'etcd-node1'],
    check: ({ stdout }, { server }) => {
      expect(field(stdout, 'Name')).toBe('etcd-node1');
      expect(field(stdout, 'Namespace')).toBe('kube-system');
      expect(field(stdout, 'Priority Class Name')).toBe('system-cluster-critical');
      expect(field(stdout, 'Node')).toBe('node1/192.168.0.18');
      expect(field(stdout, 'Start Time')).toBe(rfc1123z(secondsBefore(server.now, 92)));
      expect(field(stdout, 'Status')).toBe('Running');
      expect(field(stdout, 'Controlled By')).toBe('Node/node1');
      expect(field(stdout, 'Image')).toBe('k8s.gcr.io/etcd:3.3.10');
      expect(field(stdout, 'State')).toBe('Running');
      expect(field(stdout, 'Ready')).toBe('True');
      expect(field(stdout, 'Restart Count')).toBe('0');
      expect(field(stdout, 'QoS Class')).toBe('BestEffort');
      // Its kubelet ran it from its manifest as node1 registered (kubeadm had pulled the image; no Scheduled). The
      // events name the manifest's pod, whose uid is the config hash: describe looks a mirror pod's events up by it.
      const events = stdout.slice(stdout.indexOf('\nEvents:'));
      expect([...events.matchAll(/^\s+Normal\s+(\w+)\s/gm)].map((match) => match[1])).toEqual(['Pulled', 'Created', 'Started']);
    },
  },
  {
    says: 'describes the database pod waiting on the NotReady node3',
    args: ['describe', 'pod', '<db-1>'],
    check: ({ stdout }, { server }) => {
      const { store } = server.running.cluster;
      expect(field(stdout, 'Namespace')).toBe('default');
      expect(field(stdout, 'Node')).toBe('node3/192.168.0.16');
      expect(field(stdout, 'Status')).toBe('Pending');
      const [db] = podsOf(store, 'db');
      expect(field(stdout, 'Name')).toBe(db);
      expect(field(stdout, 'Controlled By')).toBe(ownerName(store, 'default', db ?? ''));
      expect(field(stdout, 'Controlled By')).toMatch(/^ReplicaSet\/db-[a-z0-9]+$/);
      expect(field(stdout, 'State')).toBe('Waiting');
      expect(field(stdout, 'Reason')).toBe('ContainerCreating');
      expect(field(stdout, 'Ready')).toBe('False');
      expect(field(stdout, 'MYSQL_ROOT_PASSWORD')).toBe('demo');
    },
  },
  {
    says: 'answers NotFound for a pod that does not exist',
    args: ['describe', 'pod', 'nope'],
    stdout: '',
    stderr: 'Error from server (NotFound): pods "nope" not found\n',
    exitCode: 1,
  },
]);
