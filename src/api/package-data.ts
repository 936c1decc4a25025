import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A data folder of the package (`openapi/`, `protobuf/`), found by walking up from this module to the directory that
 * holds both package.json and `folder/marker`: the code runs as `src/**.ts` under ts-jest and as `dist/src/**.js`
 * after tsc, at different depths.
 */
export function packageDataDirectory(folder: string, marker: string, update: string, start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, folder);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, marker))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find ${folder}/${marker} in any directory above ${start}; run ${update}`);
  }
}
