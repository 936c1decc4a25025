import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApiDirectory } from '../../../src/api/openapi/index.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources/registry.js';

interface GroupVersionResource {
  group: string;
  version: string;
  plural: string;
}

interface Script {
  SERVED_RESOURCES: GroupVersionResource[];
  METRICS_RESOURCES: GroupVersionResource[];
  updateOpenApi(source: string, outDir: string): unknown;
}

const REPO_ROOT = resolve(openApiDirectory(), '..');
const SOURCE = resolve(REPO_ROOT, '..', 'shared', 'reference', 'kubernetes-openapi-v2.json');

async function loadScript(): Promise<Script> {
  const loaded: unknown = await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'update-openapi.mjs')).href);
  return loaded as Script;
}

const gvr = ({ group, version, plural }: GroupVersionResource) => `${group}/${version}/${plural}`;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

describe('scripts/update-openapi.mjs', () => {
  const builtin = RESOURCE_TYPES.filter((t) => t.origin === 'builtin');
  const metrics = (t: GroupVersionResource) => t.group === 'metrics.k8s.io';

  test('keeps the built-in resources of the registry, stored and create-only, as upstream publishes them', async () => {
    const script = await loadScript();
    expect(builtin.filter((t) => !metrics(t)).every((t) => t.storage === 'stored' || t.verbs.join() === 'create')).toBe(true);
    expect(script.SERVED_RESOURCES.map(gvr).sort()).toEqual(builtin.filter((t) => !metrics(t)).map(gvr).sort());
  });

  test("merges in metrics-server's resources, as the registry serves them", async () => {
    const script = await loadScript();
    expect(script.METRICS_RESOURCES.map(gvr).sort()).toEqual(builtin.filter(metrics).map(gvr).sort());
  });

  (existsSync(SOURCE) ? test : test.skip)('regenerates exactly the committed openapi/ from the upstream swagger', async () => {
    const script = await loadScript();
    const out = mkdtempSync(join(tmpdir(), 'kubefacade-openapi-'));
    try {
      script.updateOpenApi(SOURCE, out);
      const committed = openApiDirectory();
      expect(filesUnder(out)).toEqual(filesUnder(committed));
      for (const file of filesUnder(out)) {
        expect({ file, same: readFileSync(join(out, file)).equals(readFileSync(join(committed, file))) }).toEqual({ file, same: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
