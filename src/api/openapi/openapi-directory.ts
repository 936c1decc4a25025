import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDataDirectory } from '../package-data.js';

/** The package's `openapi/` directory, written by scripts/update-openapi.mjs. */
export function openApiDirectory(start: string = dirname(fileURLToPath(import.meta.url))): string {
  return packageDataDirectory('openapi', 'v2.json', 'npm run openapi:update', start);
}
