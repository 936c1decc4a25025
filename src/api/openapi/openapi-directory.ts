import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's `openapi/` directory (written by scripts/update-openapi.mjs), found by walking up from this module:
 * it runs as `src/api/openapi/*.ts` under ts-jest and as `dist/src/api/openapi/*.js` after tsc, at different depths.
 */
export function openApiDirectory(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'openapi');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'v2.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find openapi/v2.json in any directory above ${start}; run npm run openapi:update`);
  }
}
