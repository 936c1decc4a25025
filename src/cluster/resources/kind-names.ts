/**
 * Resource names guessed from a kind, as apimachinery pkg/api/meta/restmapper.go UnsafeGuessKindToResource does
 * for kinds no discovery describes: the lower-case kind, pluralised by its last letter.
 */
export function guessPlural(kind: string): string {
  const singular = kind.toLowerCase();
  if (singular === '') return '';
  if (singular.endsWith('s')) return `${singular}es`;
  if (singular.endsWith('y')) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** `apps/v1` → { group: 'apps', version: 'v1' }; `v1` → core. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
