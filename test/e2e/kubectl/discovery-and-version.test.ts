/**
 * The commands that read discovery and /version: api-resources, api-versions, version, cluster-info. What
 * differs between kubectl versions is encoded from the binary's minor version (apiserver-behaviour.md §1.12).
 */
import { VersionApi } from '@kubernetes/client-node';
import type { KubectlBinary } from '../../support/kubectl.js';
import { type CaseContext, kubectlCases, lines } from './kubectl-cases.js';

/** The server's /version, asked through client-node (not kubectl), as `kubectl version` should print it. */
async function serverVersion(context: CaseContext): Promise<Record<string, string>> {
  const info = await context.server.running.kubeConfig.makeApiClient(VersionApi).getCode();
  return Object.fromEntries(Object.entries(info).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Go's `%#v`-like rendering of apimachinery version.Info that kubectl 1.27 prints. */
function versionInfo(info: Readonly<Record<string, string>>): string {
  const fields: [string, string][] = [
    ['Major', 'major'],
    ['Minor', 'minor'],
    ['GitVersion', 'gitVersion'],
    ['GitCommit', 'gitCommit'],
    ['GitTreeState', 'gitTreeState'],
    ['BuildDate', 'buildDate'],
    ['GoVersion', 'goVersion'],
    ['Compiler', 'compiler'],
    ['Platform', 'platform'],
  ];
  return `version.Info{${fields.map(([go, json]) => `${go}:"${info[json] ?? ''}"`).join(', ')}}`;
}

/**
 * kubectl warns when client and server minors are more than one apart (kubectl:pkg/cmd/version; measured in 1.27+,
 * not in 1.20), `WARNING:` until 1.34 and `Warning:` from 1.35 (measured with 1.34.5 and 1.35.2).
 */
function skewWarning(binary: KubectlBinary, server: Readonly<Record<string, string>>): string {
  const serverMinor = Number.parseInt(server.minor ?? '', 10);
  if (binary.minor < 27 || Math.abs(serverMinor - binary.minor) <= 1) return '';
  const prefix = binary.minor >= 35 ? 'Warning' : 'WARNING';
  return lines(
    `${prefix}: version difference between client (1.${binary.minor}) and server (1.${serverMinor}) exceeds the supported minor version skew of +/-1`,
  );
}

/** kubectl 1.27–1.31 colour cluster-info even into a pipe (go-colortext); 1.32+ only on a terminal. */
function clusterInfo({ binary, server }: CaseContext): string {
  const coloured = binary.minor <= 31;
  const green = (text: string): string => (coloured ? `\u001b[0;32m${text}\u001b[0m` : text);
  const yellow = (text: string): string => (coloured ? `\u001b[0;33m${text}\u001b[0m` : text);
  const url = server.running.url;
  return lines(
    `${green('Kubernetes control plane')} is running at ${yellow(url)}`,
    `${green('KubeDNS')} is running at ${yellow(`${url}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`)}`,
    '',
    "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  );
}

describe('the expected version output', () => {
  it('renders version.Info as Go prints the struct', () => {
    expect(versionInfo({ major: '1', minor: '33', gitVersion: 'v1.33.1' })).toBe(
      'version.Info{Major:"1", Minor:"33", GitVersion:"v1.33.1", GitCommit:"", GitTreeState:"", BuildDate:"", GoVersion:"", Compiler:"", Platform:""}',
    );
  });
});

kubectlCases('kubectl discovery and version', [
  {
    says: 'lists the served resources in discovery order, core first',
    args: ['api-resources'],
    check: ({ stdout }) => {
      const rows = stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s{2,}/));
      expect(rows[0]).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
      // Rows split on runs of 2+ spaces; a resource without short names has 4 cells, not 5.
      const resources = rows.slice(1).map((row) => (row.length === 5 ? row : [row[0], '', ...row.slice(1)]));
      expect(resources).toEqual(
        expect.arrayContaining([
          ['nodes', 'no', 'v1', 'false', 'Node'],
          ['pods', 'po', 'v1', 'true', 'Pod'],
          ['componentstatuses', 'cs', 'v1', 'false', 'ComponentStatus'],
          ['deployments', 'deploy', 'apps/v1', 'true', 'Deployment'],
        ]),
      );
      const versions = resources.map((row) => row[2]);
      const firstGrouped = versions.findIndex((v) => v !== 'v1');
      expect(versions.slice(firstGrouped).every((v) => v !== 'v1')).toBe(true);
    },
  },
  {
    says: 'lists the cluster-scoped core resources by name',
    args: ['api-resources', '--namespaced=false', '-o', 'name', '--api-group='],
    stdout: lines('componentstatuses', 'namespaces', 'nodes', 'persistentvolumes'),
  },
  {
    says: 'prints group/version lines, sorted',
    args: ['api-versions'],
    check: ({ stdout }) => {
      const versions = stdout.trimEnd().split('\n');
      expect(versions).toContain('v1');
      expect(versions).toContain('apps/v1');
      expect(versions).toEqual([...versions].sort());
    },
  },
  {
    says: "prints the client's and the server's versions as this kubectl version prints them",
    args: ['version'],
    stdout: async (context) => {
      const server = await serverVersion(context);
      const { binary } = context;
      // The struct form until 1.27; the Kustomize line since 1.24 (kubernetes/kubernetes#108987, which also added the deprecation warning).
      if (binary.minor < 24) return lines(`Client Version: ${versionInfo(binary.clientVersion)}`, `Server Version: ${versionInfo(server)}`);
      if (binary.minor <= 27) {
        return lines(
          `Client Version: ${versionInfo(binary.clientVersion)}`,
          `Kustomize Version: ${binary.kustomizeVersion}`,
          `Server Version: ${versionInfo(server)}`,
        );
      }
      return lines(`Client Version: ${binary.gitVersion}`, `Kustomize Version: ${binary.kustomizeVersion}`, `Server Version: ${server.gitVersion ?? ''}`);
    },
    stderr: async (context) => {
      const server = await serverVersion(context);
      const deprecation =
        context.binary.minor >= 24 && context.binary.minor <= 27
          ? lines(
              'WARNING: This version information is deprecated and will be replaced with the output from kubectl version --short.  Use --output=yaml|json to get the full version.',
            )
          : '';
      return deprecation + skewWarning(context.binary, server);
    },
  },
  {
    says: 'prints where the control plane and the cluster services run',
    args: ['cluster-info'],
    stdout: clusterInfo,
  },
]);
