/**
 * What a kubefacade server serves, read as every client in this folder reads it (legacy discovery: /api, /apis,
 * then each group-version's APIResourceList), and what it holds of each resource, read from the cluster itself:
 * the store for stored kinds, the metrics source for metrics.k8s.io. The clients' answers are compared with these,
 * so no list of kinds is written by hand.
 */
import { request } from 'node:https';
import { fileURLToPath } from 'node:url';
import type { E2eServer } from '../../support/e2e-server.js';

/** The capture holding every built-in kind, two CRDs with their custom resources and a kind no CRD defines. */
export const EVERY_KIND = fileURLToPath(new URL('../../fixtures/captures/every-kind.yaml', import.meta.url));

export interface ServedResource {
  /** `v1`, `apps/v1`. */
  groupVersion: string;
  group: string;
  version: string;
  kind: string;
  /** The resource's name in discovery (`deployments`). */
  plural: string;
  namespaced: boolean;
  verbs: string[];
}

/** How the clients' scripts name a resource in their output: `apps/v1/Deployment`, `v1/Pod`. */
export const labelOf = (resource: Pick<ServedResource, 'groupVersion' | 'kind'>): string => `${resource.groupVersion}/${resource.kind}`;

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/** GET of a discovery document over the server's TLS, trusting its CA and presenting its token as the clients' kubeconfig does. */
function getJson(server: E2eServer, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.running.url);
    const ca = server.running.caPem;
    const headers = { accept: 'application/json', authorization: `Bearer ${server.running.token}` };
    const req = request(url, { headers, ...(ca === undefined ? {} : { ca }) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode ?? '?'} ${body}`));
        else resolve(JSON.parse(body) as unknown);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every top-level resource (no subresource) of every version of every group the server discovers. */
export async function servedResources(server: E2eServer): Promise<ServedResource[]> {
  const core = (await getJson(server, '/api')) as { versions: string[] };
  const groups = (await getJson(server, '/apis')) as { groups: { name: string; versions: { version: string }[] }[] };
  const groupVersions: { group: string; version: string }[] = [
    ...core.versions.map((version) => ({ group: '', version })),
    ...groups.groups.flatMap((group) => group.versions.map(({ version }) => ({ group: group.name, version }))),
  ];
  const resources: ServedResource[] = [];
  for (const { group, version } of groupVersions) {
    const groupVersion = group === '' ? version : `${group}/${version}`;
    const list = (await getJson(server, group === '' ? `/api/${version}` : `/apis/${groupVersion}`)) as { resources: ApiResource[] };
    for (const r of list.resources) {
      if (r.name.includes('/')) continue;
      resources.push({ groupVersion, group, version, kind: r.kind, plural: r.name, namespaced: r.namespaced, verbs: r.verbs });
    }
  }
  return resources;
}

/** The resources a client can list: discovery's verbs include `list`. */
export async function listableResources(server: E2eServer): Promise<ServedResource[]> {
  return (await servedResources(server)).filter((r) => r.verbs.includes('list'));
}

/** `namespace/name` (or `name`) of each object the server holds of a resource, in the API's list order. */
export function heldObjects(server: E2eServer, resource: ServedResource): string[] {
  const { cluster } = server.running;
  const type = cluster.registry.find(resource.group, resource.version, resource.plural);
  if (type === undefined) throw new Error(`the registry has no ${resource.plural} in ${resource.groupVersion}, though discovery offers it`);
  const keyOf = (metadata: { namespace?: string; name: string }): string => (metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name);
  if (type.group === 'metrics.k8s.io') {
    const metrics = cluster.metrics;
    if (metrics === undefined) return [];
    return (type.plural === 'nodes' ? metrics.listNodeMetrics() : metrics.listPodMetrics()).map((m) => keyOf(m.metadata));
  }
  if (type.storage !== 'stored') throw new Error(`${labelOf(resource)} is computed on request; say here what the server holds of it`);
  return cluster.store.list(type.storedAs ?? `${type.group}/${type.plural}`).items.map((stored) => stored.key);
}

/** The resources served for kinds no CustomResourceDefinition defines (a capture holding custom resources only). */
export function definedByNothing(server: E2eServer, resource: ServedResource): boolean {
  return server.running.cluster.registry.find(resource.group, resource.version, resource.plural)?.origin === 'derived';
}

/** Each CRD's served versions, with the first object the server holds of it (what a script reads back by kind). */
export function firstCustomResources(server: E2eServer): { label: string; key: string; uid: string; resourceVersion: string }[] {
  const { store, registry } = server.running.cluster;
  const crds = store.list('apiextensions.k8s.io/customresourcedefinitions').items.map((stored) => stored.object as unknown as CustomResourceDefinition);
  return crds.flatMap((crd) =>
    crd.spec.versions
      .filter((version) => version.served)
      .flatMap((version) => {
        const type = registry.find(crd.spec.group, version.name, crd.spec.names.plural);
        const first = type === undefined ? undefined : store.list(`${type.group}/${type.plural}`).items[0];
        if (first === undefined) return [];
        return [
          {
            label: `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
            key: `${first.namespace}/${first.name}`,
            uid: first.object.metadata.uid ?? '',
            resourceVersion: String(first.resourceVersion),
          },
        ];
      }),
  );
}

interface CustomResourceDefinition {
  spec: { group: string; names: { kind: string; plural: string }; versions: { name: string; served: boolean }[] };
}
