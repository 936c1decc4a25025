import type { JsonObject } from '../swagger-to-gnostic.js';
import { mapChildren } from './schema-walk.js';

/**
 * A v3 schema whose references carry no siblings: a `$ref` beside a description becomes `allOf: [{$ref}]` beside it,
 * as kube-openapi pkg/builder3/util WrapRefs writes every definition of a v3 document.
 */
export function wrapRefs(schema: JsonObject): JsonObject {
  const wrap = (s: JsonObject): JsonObject => {
    const { $ref: ref, ...rest } = s;
    if (typeof ref !== 'string' || Object.keys(rest).length === 0) return mapChildren(s, wrap);
    return { ...mapChildren(rest, wrap), allOf: [{ $ref: ref }] };
  };
  return wrap(schema);
}
