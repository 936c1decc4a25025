/**
 * godaddy's kubernetes-client 9.0 reading every-kind.yaml: a client with no API of its own. `loadSpec()` reads
 * /openapi/v2 and turns each path into a chain of objects (`/apis/batch/v1/cronjobs` → `client.apis.batch.v1.cronjobs`),
 * so a resource it can list is one the server's OpenAPI document publishes. Each resource discovery offers for list
 * is listed through its generated path; what comes back must be what the server holds. The server answers requests
 * without the kubeconfig's token 401, so the client reads the kubeconfig's user as written.
 *
 * Kinds no CustomResourceDefinition defines (cert-manager.io Certificates in this capture) are served, but kubefacade
 * publishes no schema or path for them (docs/decisions/openapi.md), so this client has no path to them; that gap is
 * asserted here by name rather than hidden, and fails the day they are published.
 */
import { createRequire } from 'node:module';
import { useE2eServer } from '../../support/e2e-server.js';
import { definedByNothing, EVERY_KIND, heldObjects, labelOf, type ServedResource, servedResources } from './served-resources.js';

/** The parts of kubernetes-client 9 used here; its typings describe only its bundled 1.13 spec, not a loaded one. */
interface ListResponse {
  statusCode: number;
  body: { kind: string; items: { metadata: { name: string; namespace?: string } }[] };
}
/** A generated component: path segments as properties (templated ones as functions), operations as methods. */
type PathComponent = { readonly [segment: string]: unknown };
interface SpecClient {
  api: PathComponent;
  apis: PathComponent;
  loadSpec(): Promise<SpecClient>;
}
interface KubernetesClientModule {
  Client: new (options: { backend: unknown }) => SpecClient;
  KubeConfig: new () => { loadFromFile(file: string): void };
}
type RequestBackend = new (options: { kubeconfig: unknown }) => unknown;

// A CommonJS package: required, as its README does.
const require = createRequire(import.meta.url);
const { Client, KubeConfig } = require('kubernetes-client') as KubernetesClientModule;
const Request = require('kubernetes-client/backends/request') as RequestBackend;
const { version: clientVersion } = require('kubernetes-client/package.json') as { version: string };

/** The generated component for a path's segments, or undefined where the spec had no such path. */
function component(root: PathComponent, segments: readonly string[]): PathComponent | undefined {
  let at: unknown = root;
  for (const segment of segments) at = at === undefined || at === null ? undefined : (at as PathComponent)[segment];
  return at as PathComponent | undefined;
}

/** The `get()` of `client.api.v1.pods` or `client.apis[group][version][plural]` (the list across namespaces), if generated. */
function listOperation(client: SpecClient, r: ServedResource): (() => Promise<ListResponse>) | undefined {
  const path = r.group === '' ? component(client.api, [r.version, r.plural]) : component(client.apis, [r.group, r.version, r.plural]);
  const get = path?.['get'];
  return typeof get === 'function' ? (get.bind(path) as () => Promise<ListResponse>) : undefined;
}

describe(`kubernetes-client ${clientVersion} (godaddy) reading every kind through /openapi/v2`, () => {
  const server = useE2eServer({ cluster: { file: EVERY_KIND }, anonymousAuth: false });
  let client: SpecClient;
  let served: ServedResource[] = [];
  let listable: ServedResource[] = [];

  beforeAll(async () => {
    const kubeconfig = new KubeConfig();
    kubeconfig.loadFromFile(server().kubeconfig);
    client = new Client({ backend: new Request({ kubeconfig }) });
    await client.loadSpec();
    served = await servedResources(server());
    listable = served.filter((r) => r.verbs.includes('list'));
  });

  it('is the version package.json pins', () => {
    expect(clientVersion).toBe('9.0.0');
  });

  it('finds in the spec every group discovery offers, those of kinds no CRD defines too', () => {
    const groups = (resources: ServedResource[]): string[] => [...new Set(resources.map((r) => r.group))].filter((g) => g !== '').sort();
    expect(groups(served).filter((group) => client.apis[group] === undefined)).toEqual([]);
    expect(groups(served)).toEqual(
      expect.arrayContaining(['apps', 'authorization.k8s.io', 'batch', 'cert-manager.io', 'example.com', 'metrics.k8s.io', 'policy.example.io']),
    );
    expect(client.api['v1']).toBeDefined();
  });

  it('has a generated list path for every resource discovery offers for list, the kinds no CRD defines too', () => {
    expect(listable.filter((r) => listOperation(client, r) === undefined).map(labelOf)).toEqual([]);
    expect(listable.filter((r) => definedByNothing(server(), r)).map(labelOf)).toEqual(['cert-manager.io/v1/Certificate']);
  });

  it('lists each of them, getting the objects the server holds, in its order', async () => {
    const got: Record<string, string[]> = {};
    const held: Record<string, string[]> = {};
    for (const resource of listable) {
      const list = listOperation(client, resource);
      if (list === undefined) throw new Error(`no generated path lists ${labelOf(resource)}`);
      const response = await list();
      expect(response.statusCode).toBe(200);
      expect(response.body.kind).toBe(`${resource.kind}List`);
      got[labelOf(resource)] = response.body.items.map(({ metadata }) => (metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name));
      held[labelOf(resource)] = heldObjects(server(), resource);
    }
    expect(got).toEqual(held);
    expect(Object.keys(got)).toEqual(
      expect.arrayContaining(['batch/v1/CronJob', 'example.com/v1beta1/Widget', 'metrics.k8s.io/v1beta1/NodeMetrics', 'v1/Pod']),
    );
  });

  it('reads a custom resource by namespace and name through its templated path', async () => {
    type Namespaces = (namespace: string) => { widgets: (name: string) => { get(): Promise<{ statusCode: number; body: { metadata: { uid: string } } }> } };
    const namespaces = component(client.apis, ['example.com', 'v1', 'namespaces']) as unknown as Namespaces;
    const [first] = server().running.cluster.store.list('example.com/widgets').items;
    if (first === undefined) throw new Error('every-kind.yaml holds no Widget');
    const response = await namespaces(first.namespace).widgets(first.name).get();
    expect(response.statusCode).toBe(200);
    expect(response.body.metadata.uid).toBe(first.object.metadata.uid);
  });
});
