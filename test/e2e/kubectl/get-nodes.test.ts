/**
 * `kubectl get nodes` in its output formats against the talk cluster, right after start. The server's clock
 * is frozen at start (test/support/e2e-server.ts), so the ages are those of fixtures/talk-cluster.yaml.
 */
import yaml from 'js-yaml';
import type { KubeObject } from '../../../src/cluster/index.js';
import type { KubectlResult } from '../../support/kubectl.js';
import { type CaseContext, kubectlCases, lines } from './kubectl-cases.js';

const HEADER = 'NAME    STATUS     ROLES    AGE   VERSION';
const NODE1 = 'node1   Ready      master   92s   v1.14.2';
const NODE2 = 'node2   Ready      <none>   57s   v1.14.2';
const NODE3 = 'node3   NotReady   <none>   39s   v1.14.2';
const NODE4 = 'node4   NotReady   <none>   32s   v1.14.2';

const LABELS = 'beta.kubernetes.io/arch=amd64,beta.kubernetes.io/os=linux,kubernetes.io/arch=amd64';

/** kubectl -o json/yaml of a list: a `List` of the objects exactly as the server stores them. */
function expectStoredNodes(list: unknown, { server, binary }: CaseContext): void {
  const stored = server.running.cluster.store.list('/nodes').items.map((item): KubeObject => item.object);
  // kubectl builds this List itself; before 1.27 (measured: Debian's 1.20) it also wrote an empty selfLink.
  const metadata = binary.minor < 27 ? { resourceVersion: '', selfLink: '' } : { resourceVersion: '' };
  expect(list).toEqual({ apiVersion: 'v1', kind: 'List', metadata, items: stored });
}

kubectlCases('kubectl get nodes', [
  {
    says: 'prints the four nodes with their status, roles, age and kubelet version',
    args: ['get', 'nodes'],
    stdout: lines(HEADER, NODE1, NODE2, NODE3, NODE4),
  },
  {
    says: 'adds the priority-1 columns',
    args: ['get', 'nodes', '-o', 'wide'],
    stdout: lines(
      'NAME    STATUS     ROLES    AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION      CONTAINER-RUNTIME',
      'node1   Ready      master   92s   v1.14.2   192.168.0.18   <none>        CentOS Linux 7 (Core)   4.4.0-141-generic   docker://18.9.6',
      'node2   Ready      <none>   57s   v1.14.2   192.168.0.17   <none>        CentOS Linux 7 (Core)   4.4.0-141-generic   docker://18.9.6',
      'node3   NotReady   <none>   39s   v1.14.2   192.168.0.16   <none>        CentOS Linux 7 (Core)   4.4.0-141-generic   docker://18.9.6',
      'node4   NotReady   <none>   32s   v1.14.2   192.168.0.15   <none>        CentOS Linux 7 (Core)   4.4.0-141-generic   docker://18.9.6',
    ),
  },
  {
    says: 'prints the stored objects as a JSON List',
    args: ['get', 'nodes', '-o', 'json'],
    check: (result: KubectlResult, context) => expectStoredNodes(JSON.parse(result.stdout), context),
  },
  {
    says: 'prints the stored objects as a YAML List',
    args: ['get', 'nodes', '-o', 'yaml'],
    check: (result: KubectlResult, context) => expectStoredNodes(yaml.load(result.stdout), context),
  },
  {
    says: 'prints kind/name',
    args: ['get', 'nodes', '-o', 'name'],
    stdout: lines('node/node1', 'node/node2', 'node/node3', 'node/node4'),
  },
  {
    says: 'evaluates a JSONPath over the list',
    args: ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'],
    stdout: lines('node1=192.168.0.18', 'node2=192.168.0.17', 'node3=192.168.0.16', 'node4=192.168.0.15'),
  },
  {
    says: 'builds the columns it is given from the objects',
    args: ['get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu,KUBELET:.status.nodeInfo.kubeletVersion,PODCIDR:.spec.podCIDR'],
    stdout: lines(
      'NAME    CPU   KUBELET   PODCIDR',
      'node1   2     v1.14.2   10.244.0.0/24',
      'node2   2     v1.14.2   10.244.1.0/24',
      'node3   2     v1.14.2   10.244.2.0/24',
      'node4   2     v1.14.2   10.244.3.0/24',
    ),
  },
  {
    says: 'appends the labels of each node',
    args: ['get', 'nodes', '--show-labels'],
    stdout: lines(
      `${HEADER}   LABELS`,
      `${NODE1}   ${LABELS},kubernetes.io/hostname=node1,kubernetes.io/os=linux,node-role.kubernetes.io/master=`,
      `${NODE2}   ${LABELS},kubernetes.io/hostname=node2,kubernetes.io/os=linux`,
      `${NODE3}   ${LABELS},kubernetes.io/hostname=node3,kubernetes.io/os=linux`,
      `${NODE4}   ${LABELS},kubernetes.io/hostname=node4,kubernetes.io/os=linux`,
    ),
  },
  {
    says: 'keeps only the master (an exists requirement)',
    args: ['get', 'nodes', '-l', 'node-role.kubernetes.io/master'],
    stdout: lines('NAME    STATUS   ROLES    AGE   VERSION', 'node1   Ready    master   92s   v1.14.2'),
  },
  {
    says: 'keeps only the workers (a does-not-exist requirement)',
    args: ['get', 'nodes', '-l', '!node-role.kubernetes.io/master'],
    stdout: lines(HEADER, NODE2, NODE3, NODE4),
  },
  {
    says: 'says on stderr that nothing matched',
    args: ['get', 'nodes', '-l', 'kubernetes.io/hostname=node9'],
    stdout: '',
    stderr: lines('No resources found'),
  },
  {
    says: 'keeps the node the field selector names',
    args: ['get', 'nodes', '--field-selector', 'metadata.name=node2'],
    stdout: lines('NAME    STATUS   ROLES    AGE   VERSION', 'node2   Ready    <none>   57s   v1.14.2'),
  },
  {
    says: 'refuses a field the server does not select nodes by',
    args: ['get', 'nodes', '--field-selector', 'status.phase=Running'],
    stdout: '',
    stderr: lines(
      'Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "", field selector "status.phase=Running": field label not supported: status.phase',
    ),
    exitCode: 1,
  },
  {
    says: 'pages through the nodes one request per node and prints one table',
    args: ['get', 'nodes', '--chunk-size=1'],
    stdout: lines(HEADER, NODE1, NODE2, NODE3, NODE4),
  },
  {
    says: 'sorts the rows by a field of the full objects',
    args: ['get', 'nodes', '--sort-by=.status.addresses[0].address'],
    stdout: lines(HEADER, NODE4, NODE3, NODE2, NODE1),
  },
  {
    says: 'prints one node',
    args: ['get', 'node', 'node3'],
    stdout: lines('NAME    STATUS     ROLES    AGE   VERSION', NODE3),
  },
  {
    says: 'answers NotFound for a node that does not exist',
    args: ['get', 'nodes', 'node9'],
    stdout: '',
    stderr: lines('Error from server (NotFound): nodes "node9" not found'),
    exitCode: 1,
  },
]);
