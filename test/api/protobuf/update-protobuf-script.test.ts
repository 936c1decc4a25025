import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApiDirectory } from '../../../src/api/openapi/index.js';

interface Script {
  defaultBinaries(): string[];
  updateProtobuf(binaries: string[], outDir: string): { messages: number; renamed: string[]; unmatched: string[] };
}

const REPO_ROOT = resolve(openApiDirectory(), '..');

async function loadScript(): Promise<Script> {
  const loaded: unknown = await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'update-protobuf.mjs')).href);
  return loaded as Script;
}

describe('scripts/update-protobuf.mjs', () => {
  // The Google Cloud SDK's kubectl.1.27 ... kubectl.1.33, beside the kubectl on PATH, carry the descriptors.
  test('regenerates exactly the committed protobuf/ from the kubectl binaries beside the kubectl on PATH', async () => {
    const script = await loadScript();
    const binaries = script.defaultBinaries();
    if (binaries.length === 0) {
      console.warn('no kubectl.1.2x/1.3x beside the kubectl on PATH: protobuf/messages.json not regenerated');
      return;
    }
    const out = mkdtempSync(join(tmpdir(), 'kubefacade-protobuf-'));
    try {
      const result = script.updateProtobuf(binaries, out);
      expect(result.unmatched).toEqual([]);
      for (const file of ['messages.json', 'SOURCE.md']) {
        expect({ file, same: readFileSync(join(out, file)).equals(readFileSync(join(REPO_ROOT, 'protobuf', file))) }).toEqual({ file, same: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
