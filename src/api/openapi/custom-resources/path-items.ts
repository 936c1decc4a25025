import type { Json, JsonObject } from '../swagger-to-gnostic.js';
import type { SwaggerParameter } from './custom-resource-base.js';
import { type OpenApiVersion, refTo } from './custom-resource-models.js';
import type { Route } from './custom-resource-routes.js';

/** A swagger 2.0 parameter as the document writes it: a reference to a shared one, or itself. */
export type ShareParameter = (parameter: JsonObject) => JsonObject;

/**
 * Routes written as path items the way kube-openapi's builders write go-restful routes (pkg/builder for v2,
 * pkg/builder3 for v3): the parameters every operation of a path has move to the path; parameters sorted by name;
 * a 401 beside every operation's own responses; v2 operations list what they consume and produce, v3 ones give each
 * body and response a content entry per media type, and write non-body parameters with a schema.
 */
export function pathItems(routes: readonly Route[], openApi: OpenApiVersion, share: ShareParameter): Record<string, JsonObject> {
  const byPath = new Map<string, Route[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  const items: Record<string, JsonObject> = {};
  for (const [path, onPath] of byPath) {
    const common = onPath[0]?.parameters.filter((p) => onPath.every((r) => r.parameters.some((q) => sameParameter(p, q)))) ?? [];
    const item: JsonObject = {};
    if (common.length > 0) item['parameters'] = sortByName(common).map((p) => parameter(p, openApi, share));
    for (const route of onPath) {
      const own = route.parameters.filter((p) => !common.some((q) => sameParameter(p, q)));
      item[route.method] = openApi === 'v2' ? swaggerOperation(route, own, share) : openApi3Operation(route, own);
    }
    items[path] = item;
  }
  return items;
}

function swaggerOperation(route: Route, own: SwaggerParameter[], share: ShareParameter): JsonObject {
  const body: JsonObject[] = route.body
    ? [share({ in: 'body', name: 'body', ...(route.body.required ? { required: true } : {}), schema: { $ref: refTo(route.body.model, 'v2') } })]
    : [];
  const parameters = [...body, ...sortByName(own).map((p) => share({ ...p }))];
  const responses: JsonObject = {};
  for (const [code, description, model] of route.responses) responses[code] = { description, schema: { $ref: refTo(model, 'v2') } };
  responses[401] = { description: 'Unauthorized' };
  return {
    consumes: route.consumes,
    description: route.description,
    operationId: route.operationId,
    ...(parameters.length > 0 ? { parameters } : {}),
    produces: route.produces,
    responses,
    schemes: ['https'],
    tags: [route.tag],
    ...extensions(route),
  };
}

function openApi3Operation(route: Route, own: SwaggerParameter[]): JsonObject {
  const content = (types: string[], model: string): JsonObject => Object.fromEntries(types.map((t) => [t, { schema: { $ref: refTo(model, 'v3') } }]));
  const responses: JsonObject = {};
  for (const [code, description, model] of route.responses) responses[code] = { content: content(route.produces, model), description };
  responses[401] = { description: 'Unauthorized' };
  return {
    description: route.description,
    operationId: route.operationId,
    ...(own.length > 0 ? { parameters: sortByName(own).map((p) => openApi3Parameter(p)) } : {}),
    ...(route.body
      ? { requestBody: { content: content(route.consumes, route.body.model), ...(route.body.required ? { required: true } : {}) } }
      : {}),
    responses,
    tags: [route.tag],
    ...extensions(route),
  };
}

function extensions(route: Route): JsonObject {
  return {
    'x-kubernetes-action': route.action,
    'x-kubernetes-group-version-kind': { group: route.group, kind: route.kind, version: route.version },
  };
}

function parameter(p: SwaggerParameter, openApi: OpenApiVersion, share: ShareParameter): JsonObject {
  return openApi === 'v2' ? share({ ...p }) : openApi3Parameter(p);
}

/** A v3 parameter: its type information under `schema` (kube-openapi builder3 buildParameter). */
function openApi3Parameter({ name, in: location, description, required, ...typing }: SwaggerParameter): JsonObject {
  return {
    ...(description !== undefined ? { description } : {}),
    in: location,
    name,
    ...(required !== undefined ? { required } : {}),
    schema: typing as unknown as Json,
  };
}

function sameParameter(a: SwaggerParameter, b: SwaggerParameter): boolean {
  return a.name === b.name && a.in === b.in;
}

function sortByName(parameters: readonly SwaggerParameter[]): SwaggerParameter[] {
  return [...parameters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
