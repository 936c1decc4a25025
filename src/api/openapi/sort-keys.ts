import type { Json } from './swagger-to-gnostic.js';

/**
 * Keys sorted at every level, arrays kept in order: how scripts/update-openapi.mjs writes the built-in documents, so
 * what is added at run time reads, and hashes, the same way.
 */
export function sortKeys<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] as Json)]),
  ) as T;
}
