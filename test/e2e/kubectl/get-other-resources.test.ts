/** `kubectl get` of pods across namespaces and of component statuses, against the talk cluster. */
import type { CaseContext } from './kubectl-cases.js';
import { kubectlCases, lines } from './kubectl-cases.js';
import { alignColumns } from '../talk-cluster.js';

/**
 * Every pod of the talk cluster right after start, by workload and node: READY, STATUS, RESTARTS, AGE.
 * Controller-made pods are named with hashes of their templates, so the rows are keyed by workload and node
 * and the names are read from the store; every other cell is what kubectl must print.
 */
const PODS: readonly (readonly [namespace: string, workload: string, node: string, ready: string, status: string, restarts: string, age: string])[] = [
  ['default', 'db', 'node3', '0/1', 'ContainerCreating', '0', '20s'],
  ['default', 'web', 'node2', '1/1', 'Running', '0', '25s'],
  ['default', 'web', 'node2', '1/1', 'Running', '0', '25s'],
  ['kube-system', 'coredns', 'node1', '1/1', 'Running', '0', '90s'],
  ['kube-system', 'coredns', 'node1', '1/1', 'Running', '0', '90s'], // node1 was the only node when they were scheduled
  ['kube-system', 'etcd', 'node1', '1/1', 'Running', '0', '92s'],
  ['kube-system', 'kube-apiserver', 'node1', '1/1', 'Running', '0', '92s'],
  ['kube-system', 'kube-controller-manager', 'node1', '1/1', 'Running', '0', '92s'],
  ['kube-system', 'kube-proxy', 'node1', '1/1', 'Running', '0', '90s'],
  ['kube-system', 'kube-proxy', 'node2', '1/1', 'Running', '0', '57s'],
  ['kube-system', 'kube-proxy', 'node3', '1/1', 'Running', '0', '39s'],
  ['kube-system', 'kube-proxy', 'node4', '0/1', 'ContainerCreating', '0', '32s'],
  ['kube-system', 'kube-scheduler', 'node1', '1/1', 'Running', '0', '92s'],
  ['kube-system', 'weave-net', 'node1', '2/2', 'Running', '0', '85s'],
  ['kube-system', 'weave-net', 'node2', '2/2', 'Running', '0', '57s'],
  ['kube-system', 'weave-net', 'node3', '0/2', 'ContainerCreating', '0', '39s'],
  ['kube-system', 'weave-net', 'node4', '0/2', 'ContainerCreating', '0', '32s'],
];

const WORKLOADS = [...new Set(PODS.map((row) => row[1]))].sort((a, b) => b.length - a.length);

/** The `get pods` rows expected for the stored pods of `namespace` (all if undefined), in the API's order. */
function podRows({ server }: CaseContext, namespace: string | undefined): string[][] {
  const stored = server.running.cluster.store.list('/pods', namespace === undefined ? {} : { namespace }).items;
  const unmatched = [...PODS];
  const rows = stored.map((pod) => {
    const node = (pod.object.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    const workload = WORKLOADS.find((w) => pod.name.startsWith(`${w}-`)) ?? pod.name;
    const index = unmatched.findIndex((row) => row[0] === pod.namespace && row[1] === workload && row[2] === node);
    if (index < 0) return [pod.namespace, pod.name, 'an unexpected pod', `(${workload} on ${node})`];
    const [expected] = unmatched.splice(index, 1);
    const [ns, , , ready, status, restarts, age] = expected ?? [];
    return [ns ?? '', pod.name, ready ?? '', status ?? '', restarts ?? '', age ?? ''];
  });
  const missing = unmatched.filter((row) => namespace === undefined || row[0] === namespace);
  expect(missing).toEqual([]);
  return rows;
}

kubectlCases('kubectl get (pods, componentstatuses)', [
  {
    says: 'lists the pods of every namespace with a NAMESPACE column',
    args: ['get', 'pods', '-A'],
    stdout: (context) => lines(...alignColumns([['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...podRows(context, undefined)])),
  },
  {
    says: 'lists the pods of the default namespace',
    args: ['get', 'pods'],
    stdout: (context) => lines(...alignColumns([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...podRows(context, 'default').map((row) => row.slice(1))])),
  },
  {
    says: 'shows the IP and node of each pod, and none nominated',
    args: ['get', 'pods', '-o', 'wide', '-l', 'app=web'],
    stdoutMatch:
      /^NAME +READY {3}STATUS {4}RESTARTS {3}AGE {3}IP {11}NODE {4}NOMINATED NODE {3}READINESS GATES\n(web-\S+ {3}1\/1 {5}Running {3}0 {10}25s {3}10\.244\.1\.\d+ +node2 {3}<none> {11}<none>\n){2}$/,
  },
  {
    says: 'selects pods by the node they run on',
    args: ['get', 'pods', '-A', '--field-selector', 'spec.nodeName=node4', '-o', 'name'],
    stdoutMatch: /^pod\/kube-proxy-[a-z0-9]{5}\npod\/weave-net-[a-z0-9]{5}\n$/,
  },
  {
    says: 'prints the health of the control plane, with the deprecation warning on stderr',
    args: ['get', 'componentstatus'],
    stdout: lines(
      'NAME                 STATUS    MESSAGE             ERROR',
      'controller-manager   Healthy   ok                  ',
      'etcd-0               Healthy   {"health":"true"}   ',
      'scheduler            Healthy   ok                  ',
    ),
    stderr: lines('Warning: v1 ComponentStatus is deprecated in v1.19+'),
  },
  {
    says: 'reads the scale subresource of a deployment, printed as upstream prints a Scale',
    args: ['get', 'deployment', 'web', '--subresource=scale'],
    // --subresource came with kubectl 1.24 (beta in 1.27); Debian's 1.20 does not know the flag.
    stdout: ({ binary }) => (binary.minor < 27 ? '' : lines('NAME   DESIRED   AVAILABLE   AGE', 'web    2         2           25s')),
    stderr: ({ binary }) => (binary.minor < 27 ? lines('Error: unknown flag: --subresource', "See 'kubectl get --help' for usage.") : ''),
    exitCode: ({ binary }) => (binary.minor < 27 ? 1 : 0),
  },
]);
