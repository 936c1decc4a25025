/**
 * The operation id and tag of a route, as apiserver pkg/endpoints/openapi GetOperationIDAndTags derives them: the
 * operation's verb (the shortest listed one it starts with), then its group without `.k8s.io` and its version, then
 * the rest; the tag is group and version. `listNamespacedCronTab` on /apis/stable.example.com/v1/... →
 * `listStableExampleComV1NamespacedCronTab`, tag `stableExampleCom_v1`.
 */
const VERBS = ['get', 'log', 'read', 'replace', 'patch', 'delete', 'deletecollection', 'watch', 'connect', 'proxy', 'list', 'create'];

export function operationIdAndTag(operation: string, path: string): { operationId: string; tag: string } {
  const verb = VERBS.filter((v) => operation.startsWith(v)).sort((a, b) => a.length - b.length)[0];
  if (verb === undefined) throw new Error(`operation ${operation} does not start with a verb`);
  const parts = path.replace(/^\/+|\/+$/g, '').split('/');
  const group = (parts[1] ?? '').replace(/\.k8s\.io$/, '');
  const version = parts[2] ?? '';
  return {
    operationId: verb + validOperationId(group, true) + validOperationId(version, true) + validOperationId(operation.slice(verb.length), true),
    tag: `${validOperationId(group, false)}_${validOperationId(version, false)}`,
  };
}

/**
 * apiserver ToValidOperationID: letters, underscores and (not first) digits kept; any other character dropped and
 * the next kept one capitalized; the first capitalized when asked.
 */
function validOperationId(text: string, capitalizeFirst: boolean): string {
  let result = '';
  let capitalize = capitalizeFirst;
  [...text].forEach((char, i) => {
    if (/\p{L}|_/u.test(char) || (i !== 0 && /\p{Nd}/u.test(char))) {
      result += capitalize ? char.toUpperCase() : char;
      capitalize = false;
    } else {
      capitalize = true;
    }
  });
  return result;
}
