import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'kubefacade';

export interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | undefined;

/**
 * The installed package's root and version, found by walking up from this module: it runs as
 * `src/cli/package-root.ts` under ts-jest and as `dist/src/cli/package-root.js` after tsc, at different depths.
 */
export function packageInfo(): PackageInfo {
  cached ??= findPackage(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

/** The cluster served when none is given: the one the talk demonstrates. */
export function defaultClusterFile(): string {
  return join(packageInfo().root, 'fixtures', 'talk-cluster.yaml');
}

function findPackage(start: string): PackageInfo {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (isManifest(parsed) && parsed.name === PACKAGE_NAME) return { root: dir, version: parsed.version };
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${start}`);
  }
}

function isManifest(value: unknown): value is { name: string; version: string } {
  return (
    typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && 'version' in value && typeof value.version === 'string'
  );
}
