import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDirectory } from '../../../src/api/openapi/index.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources/registry.js';
import type { ResourceType } from '../../../src/cluster/resources/resource-type.js';

type Node = { [key: string]: unknown };
interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const read = (file: string): Node => JSON.parse(readFileSync(join(openApiDirectory(), file), 'utf8')) as Node;
const v2 = read('v2.json');
const served = RESOURCE_TYPES.filter((t) => t.origin === 'builtin');

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

const prefix = (t: ResourceType) => (t.group === '' ? `/api/${t.version}` : `/apis/${t.group}/${t.version}`);
const v3Key = (t: ResourceType) => prefix(t).slice(1);
const collectionPath = (t: ResourceType) => (t.namespaced ? `${prefix(t)}/namespaces/{namespace}/${t.plural}` : `${prefix(t)}/${t.plural}`);

function operationGvks(pathItem: Node | undefined): Gvk[] {
  return Object.values(pathItem ?? {}).flatMap((op) => {
    const gvk = (op as Node | null)?.['x-kubernetes-group-version-kind'];
    return gvk ? [gvk as Gvk] : [];
  });
}

function schemaWithGvk(schemas: Node, gvk: Gvk): string | undefined {
  return Object.keys(schemas).find((name) =>
    ((schemas[name] as Node)['x-kubernetes-group-version-kind'] as Gvk[] | undefined)?.some(
      (g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
    ),
  );
}

describe('openapi/v2.json', () => {
  test('every reference resolves inside the document', () => {
    const definitions = v2['definitions'] as Node;
    const parameters = v2['parameters'] as Node;
    for (const ref of refs(v2)) {
      const [, section, name = ''] = ref.split('/');
      expect({ ref, resolves: section === 'definitions' ? name in definitions : name in parameters }).toEqual({ ref, resolves: true });
    }
  });

  test.each(served.map((t) => [`${t.group}/${t.plural}`, t] as const))('has the paths and the kind of %s', (_name, type) => {
    const paths = v2['paths'] as Node;
    const gvks = operationGvks(paths[collectionPath(type)] as Node);
    expect(gvks).toContainEqual({ group: type.group, version: type.version, kind: type.kind });
    expect(schemaWithGvk(v2['definitions'] as Node, { group: type.group, version: type.version, kind: type.kind })).toBeDefined();
  });

  test('keeps no path of a resource a default v1.33 server does not serve (alpha, beta, newer)', () => {
    const paths = Object.keys(v2['paths'] as Node);
    const unserved = /^\/apis\/(resource\.k8s\.io|storagemigration\.k8s\.io|internal\.apiserver\.k8s\.io)\/|\/v1(alpha|beta)\d+\/|\/(volumeattributesclasses|mutatingadmissionpolicies)\b/;
    expect(paths.filter((p) => unserved.test(p) && !p.startsWith('/apis/metrics.k8s.io/'))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/api/', '/api/v1/', '/apis/', '/apis/apps/', '/apis/apps/v1/', '/version/']));
  });

  test("has metrics-server's paths under its group version only, as kube-aggregator merges an APIService's", () => {
    const paths = Object.keys(v2['paths'] as Node).filter((p) => p.startsWith('/apis/metrics.k8s.io/'));
    expect(paths.sort()).toEqual([
      '/apis/metrics.k8s.io/v1beta1/',
      '/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods',
      '/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods/{name}',
      '/apis/metrics.k8s.io/v1beta1/nodes',
      '/apis/metrics.k8s.io/v1beta1/nodes/{name}',
      '/apis/metrics.k8s.io/v1beta1/pods',
    ]);
    const nodeMetrics = (v2['definitions'] as Node)['io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics'] as Node;
    expect(nodeMetrics['required']).toEqual(['timestamp', 'window', 'usage']);
    expect((nodeMetrics['properties'] as Node)['window']).toEqual({ $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Duration' });
  });
});

describe('openapi/v3 documents, as kubectl explain and create read them', () => {
  test("metrics-server's is its v2 document converted, under its group version only, with its own title", () => {
    const document = read('v3/apis/metrics.k8s.io/v1beta1.json');
    expect(document['info']).toEqual({ title: 'Kubernetes metrics-server', version: 'v0.7.2' });
    expect(Object.keys(document['paths'] as Node)).toContain('/apis/metrics.k8s.io/');
    expect(() => read('v3/apis/metrics.k8s.io.json')).toThrow();
    const schemas = (document['components'] as Node)['schemas'] as Node;
    const metadata = ((schemas['io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics'] as Node)['properties'] as Node)['metadata'];
    expect(metadata).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }], description: expect.any(String) as unknown });
  });

  test.each(served.map((t) => [`${t.group}/${t.plural}`, t] as const))('%s: a path names its kind, and a schema has that kind', (_name, type) => {
    const document = read(join('v3', `${v3Key(type)}.json`));
    const paths = document['paths'] as Node;
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    expect(operationGvks(paths[collectionPath(type)] as Node)).toContainEqual(gvk);
    const schemas = (document['components'] as Node)['schemas'] as Node;
    expect(schemaWithGvk(schemas, gvk)).toBeDefined();
  });

  test.each(served.filter((t) => t.verbs.includes('patch')).map((t) => [`${t.group}/${t.plural}`, t] as const))(
    '%s: the patch operation declares the fieldValidation query parameter',
    (_name, type) => {
      const paths = read(join('v3', `${v3Key(type)}.json`))['paths'] as Node;
      const patch = (paths[`${collectionPath(type)}/{name}`] as Node)['patch'] as Node;
      expect(patch['parameters']).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }));
      expect(Object.keys((patch['requestBody'] as Node)['content'] as Node)).toContain('application/merge-patch+json');
    },
  );

  test.each([...new Set(served.map(v3Key))])('%s: every reference resolves to a schema of the same document', (key) => {
    const document = read(join('v3', `${key}.json`));
    const schemas = (document['components'] as Node)['schemas'] as Node;
    for (const ref of refs(document)) {
      expect(ref.startsWith('#/components/schemas/') && ref.slice('#/components/schemas/'.length) in schemas ? ref : `unresolved ${ref}`).toBe(ref);
    }
  });

  test('a property reference keeps its description beside an allOf, with a struct default, as upstream writes it', () => {
    const schemas = ((read('v3/api/v1.json')['components'] as Node)['schemas'] as Node);
    const pod = schemas['io.k8s.api.core.v1.Pod'] as { properties: Record<string, Node> };
    expect(pod.properties['spec']).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }],
      default: {},
      description: expect.stringContaining('Specification of the desired behavior of the pod') as unknown,
    });
    const meta = schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'] as { properties: Record<string, Node> };
    expect(meta.properties['creationTimestamp']).not.toHaveProperty('default');
  });
});
