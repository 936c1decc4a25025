/**
 * kubectl authenticating with the token the kubeconfig carries, against a server that serves nothing without it
 * (`anonymousAuth: false`, as on an address other than loopback): the kubeconfig as written reads the cluster,
 * and a wrong token is refused the way a real server refuses it (apiserver-behaviour.md §7.1: reason
 * `Unauthorized` → `error: You must be logged in to the server (Unauthorized)`; through discovery, client-go's own
 * words for the 401 instead).
 */
import { kubectlCases, lines } from './kubectl-cases.js';

kubectlCases(
  'kubectl with the bearer token of the kubeconfig',
  [
    {
      says: 'reads the cluster with the kubeconfig as written',
      args: ['get', 'nodes', '-o', 'name'],
      stdout: lines('node/node1', 'node/node2', 'node/node3', 'node/node4'),
    },
    {
      says: 'still reports the identity kubefacade always reported',
      args: ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}'],
      stdout: 'system:anonymous ["system:unauthenticated"]',
    },
    {
      says: 'is refused with a wrong token, as a real server refuses it',
      args: ['get', 'nodes', '--token=not-the-token'],
      stdout: '',
      // Discovery fails first, logged with timestamps, and its 401 is what kubectl reports: client-go's words for a
      // 401 it did not decode, as kubectl prints them against a real cluster.
      stderrMatch:
        /^(E\d{4} .*couldn't get current server API group list: the server has asked for the client to provide credentials.*\n)+error: You must be logged in to the server \(the server has asked for the client to provide credentials\)\n$/,
      exitCode: 1,
    },
    {
      says: 'is refused with a wrong token even for a raw GET that skips discovery',
      args: ['get', '--raw', '/api/v1/nodes', '--token=not-the-token'],
      stdout: '',
      stderr: lines('error: You must be logged in to the server (Unauthorized)'),
      exitCode: 1,
    },
  ],
  { anonymousAuth: false },
);
