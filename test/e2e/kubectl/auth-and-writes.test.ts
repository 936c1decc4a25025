/**
 * kubefacade is read-only, and says so the way a real server says it to a read-only RBAC user: can-i answers
 * `yes` for reads and `no` for writes (exit 1), and a write is Forbidden (apiserver-behaviour.md §1.9, §1.10).
 * kubectl ≥1.32 sends the access review in protobuf (§13.3).
 */
import { resolvePodRef } from '../talk-cluster.js';
import { kubectlCases, lines } from './kubectl-cases.js';

const forbiddenDelete = (pod: string): string =>
  `Error from server (Forbidden): pods "${pod}" is forbidden: User "system:anonymous" cannot delete resource "pods" in API group "" in the namespace "default"`;

kubectlCases('kubectl auth can-i and writes', [
  {
    says: 'refuses to answer as a service account: the anonymous user may not impersonate',
    args: ['auth', 'can-i', 'get', 'pods', '--as=system:serviceaccount:default:builder'],
    stdout: '',
    // Discovery fails first (kubectl logs it, timestamped), then the review itself is refused.
    stderrMatch:
      /\nError from server \(Forbidden\): serviceaccounts "builder" is forbidden: User "system:anonymous" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "default"\n$/,
    exitCode: 1,
  },
  {
    says: 'refuses a get as another user; kubectl reads the 403 of its discovery request as "unknown", as against any real server',
    args: ['get', 'pods', '--as=bob'],
    stdout: '',
    // kubectl 1.20 (Debian's) swallows the discovery error and cannot resolve `pods` at all.
    stderrMatch: ({ binary }) =>
      binary.minor < 27
        ? /^error: the server doesn't have a resource type "pods"\n$/
        : /couldn't get current server API group list: unknown.*\n(.*\n)*Error from server \(Forbidden\): unknown\n$/,
    exitCode: 1,
  },
  {
    says: 'answers yes to reading pods',
    args: ['auth', 'can-i', 'get', 'pods'],
    stdout: lines('yes'),
  },
  {
    says: 'answers yes to watching nodes across the cluster',
    args: ['auth', 'can-i', 'watch', 'nodes'],
    stdout: lines('yes'),
    // kubectl:pkg/cmd/auth/cani.go prints the warning followed by a blank line (1.27+; 1.20 without it).
    stderr: ({ binary }) =>
      binary.minor < 27 ? lines("Warning: resource 'nodes' is not namespace scoped") : lines("Warning: resource 'nodes' is not namespace scoped", ''),
  },
  {
    says: 'answers no to deleting pods, and exits 1',
    args: ['auth', 'can-i', 'delete', 'pods'],
    stdout: lines('no'),
    exitCode: 1,
  },
  {
    says: 'refuses to delete a pod, in the words of RBAC',
    args: ['delete', 'pod', '<web-1>'],
    stdout: '',
    stderr: ({ server }) => lines(forbiddenDelete(resolvePodRef(server.running.cluster.store, '<web-1>'))),
    exitCode: 1,
  },
  {
    says: 'refuses to label a node',
    args: ['label', 'node', 'node2', 'disk=ssd'],
    stdout: '',
    stderr: lines(
      'Error from server (Forbidden): nodes "node2" is forbidden: User "system:anonymous" cannot patch resource "nodes" in API group "" at the cluster scope',
    ),
    exitCode: 1,
  },
]);
