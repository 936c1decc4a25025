/** `kubectl logs`, its output compared with what the cluster says the container logged. */
import { resolvePodRef } from '../talk-cluster.js';
import { type CaseContext, kubectlCases, lines } from './kubectl-cases.js';

const COREDNS = '<coredns-1>';

function logged({ server }: CaseContext, namespace: string, podRef: string, container: string): { time: string; text: string }[] {
  const pod = resolvePodRef(server.running.cluster.store, podRef);
  const logs = server.running.cluster.logs.read(namespace, pod, container);
  if (logs.length === 0) throw new Error(`the cluster has no logs for ${namespace}/${pod}/${container}: pick a container that logged`);
  return [...logs];
}

kubectlCases('kubectl logs', [
  {
    says: "prints everything the pod's only container logged",
    args: ['logs', '-n', 'kube-system', COREDNS],
    stdout: (context) => lines(...logged(context, 'kube-system', COREDNS, 'coredns').map((line) => line.text)),
  },
  {
    says: 'prints the last two lines',
    args: ['logs', '-n', 'kube-system', COREDNS, '--tail=2'],
    stdout: (context) =>
      lines(
        ...logged(context, 'kube-system', COREDNS, 'coredns')
          .slice(-2)
          .map((line) => line.text),
      ),
  },
  {
    says: 'prefixes each line with the instant the runtime recorded it',
    args: ['logs', '-n', 'kube-system', COREDNS, '--tail=2', '--timestamps'],
    stdout: (context) =>
      lines(
        ...logged(context, 'kube-system', COREDNS, 'coredns')
          .slice(-2)
          .map((line) => `${line.time} ${line.text}`),
      ),
    check: ({ stdout }) => {
      for (const line of stdout.trimEnd().split('\n')) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S/);
    },
  },
  {
    says: 'prints what the API server wrote since kubeadm started it: its start-up, then its steady lines, klog headers and all',
    args: ['logs', '-n', 'kube-system', 'kube-apiserver-node1'],
    stdout: (context) => lines(...logged(context, 'kube-system', 'kube-apiserver-node1', 'kube-apiserver').map((line) => line.text)),
    check: ({ stdout }) => {
      const [deprecated, ...rest] = stdout.trimEnd().split('\n');
      expect(deprecated).toBe('Flag --insecure-port has been deprecated, This flag will be removed in a future version.');
      for (const line of rest) expect(line).toMatch(/^[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 \S+:\d+\] /);
    },
  },
  {
    says: 'prints the tail of etcd’s capnslog output',
    args: ['logs', '-n', 'kube-system', 'etcd-node1', '--tail=3'],
    stdout: (context) =>
      lines(
        ...logged(context, 'kube-system', 'etcd-node1', 'etcd')
          .slice(-3)
          .map((line) => line.text),
      ),
    check: ({ stdout }) => {
      for (const line of stdout.trimEnd().split('\n')) expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} [INWE] \| [a-z/]+: /);
    },
  },
  {
    says: 'says the container is still being created',
    args: ['logs', '<db-1>'],
    stdout: '',
    stderr: ({ server }) =>
      lines(
        `Error from server (BadRequest): container "mysql" in pod "${resolvePodRef(server.running.cluster.store, '<db-1>')}" is waiting to start: ContainerCreating`,
      ),
    exitCode: 1,
  },
  {
    says: 'refuses a container the pod does not have, on the client',
    args: ['logs', '-n', 'kube-system', COREDNS, '-c', 'nope'],
    stdout: '',
    stderr: ({ server }) => lines(`error: container nope is not valid for pod ${resolvePodRef(server.running.cluster.store, COREDNS)}`),
    exitCode: 1,
  },
]);
