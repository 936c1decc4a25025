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
  GROUPS_OUTSIDE_UPSTREAM: string[];
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
  test('keeps the resources of the registry, apart from groups upstream does not publish', async () => {
    const script = await loadScript();
    const registered = RESOURCE_TYPES.filter((t) => !script.GROUPS_OUTSIDE_UPSTREAM.includes(t.group)).map(gvr);
    expect(script.SERVED_RESOURCES.map(gvr).sort()).toEqual(registered.sort());
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
