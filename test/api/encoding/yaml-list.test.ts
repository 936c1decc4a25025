import yaml from 'js-yaml';
import type { KubeObject } from '../../../src/cluster/index.js';
import { yamlList } from '../../../src/api/encoding/yaml-encoder.js';
import type { EncodableObject, ListHead } from '../../../src/api/encoding/index.js';

/**
 * A YAML list is made an item at a time, so that 150,000 pods are never one string: what it makes, joined, is
 * exactly the document js-yaml dumps of the whole list, whatever the items hold.
 */
const whole = (head: ListHead, objects: KubeObject[]): string => yaml.dump({ ...head, items: objects }, { noRefs: true, lineWidth: -1 });
const encodable = (object: KubeObject): EncodableObject => ({ object, json: () => JSON.stringify(object) });
const head: ListHead = { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '42', continue: 'eyJ2Ijoi', remainingItemCount: 3 } };

const configMap = (name: string, data: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels: { app: name }, annotations: {} },
  data,
  ...extra,
});

const objects: KubeObject[] = [
  configMap('plain', { key: 'value', number: '123', empty: '', yes: 'yes', colon: 'a: b', hash: '# not a comment' }),
  configMap('blocks', {
    'nginx.conf': 'server {\n  listen 80;\n\n  location / {\n    root /usr/share;\n  }\n}\n',
    'two blank lines': 'first\n\n\nlast',
    'trailing spaces': 'line  \nnext\n',
    'leading space': '  indented first line\nsecond\n',
    unicode: 'héllo — 世界\n🙂\n',
  }),
  configMap('nested', {}, { spec: { list: [[1, 2], [], [{}], [{ a: [{ b: null }] }]], empty: {}, nothing: null, flag: false, ratio: 0.5 } }),
  configMap('long', { long: 'x'.repeat(5_000), spaced: `${'word '.repeat(300)}end` }),
];

describe('a YAML list made an item at a time', () => {
  it('is the document js-yaml dumps of the whole list', () => {
    expect([...yamlList(head, objects.map(encodable))].join('')).toBe(whole(head, objects));
  });

  it('is one piece per item after the head, so a list is written as it is made', () => {
    expect([...yamlList(head, objects.map(encodable))]).toHaveLength(1 + objects.length);
  });

  it('writes an empty list as js-yaml does, with items: []', () => {
    const emptyHead: ListHead = { kind: 'PodList', apiVersion: 'v1', metadata: {} };
    expect([...yamlList(emptyHead, [])].join('')).toBe(whole(emptyHead, []));
    expect(whole(emptyHead, [])).toContain('items: []');
  });

  it('reads back as the list it was made of', () => {
    const parsed = yaml.load([...yamlList(head, objects.map(encodable))].join('')) as { items: unknown[] };
    expect(parsed.items).toEqual(objects);
  });
});
