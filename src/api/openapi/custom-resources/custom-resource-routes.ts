import type { ResourceType } from '../../../cluster/index.js';
import type { CustomResourceBase, OptionsAction, SwaggerParameter } from './custom-resource-base.js';
import { modelName } from './custom-resource-models.js';
import { operationIdAndTag } from './operation-ids.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation of a custom resource, before it is written as OpenAPI v2 or v3 (a go-restful route upstream). */
export interface Route {
  path: string;
  method: Method;
  /** x-kubernetes-action. */
  action: OptionsAction;
  operationId: string;
  tag: string;
  description: string;
  group: string;
  version: string;
  kind: string;
  /** The model of every response but 401, by status code. */
  responses: [code: number, description: string, model: string][];
  /** The body's model, and whether it must be sent. */
  body?: { model: string; required: boolean };
  consumes: string[];
  produces: string[];
  /** Every parameter but the body. */
  parameters: SwaggerParameter[];
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const SCALE = 'io.k8s.api.autoscaling.v1.Scale';
const JSON_AND_YAML = ['application/json', 'application/yaml'];
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];

/**
 * The routes apiextensions-apiserver's builder.go (generateBuilder, buildRoute) declares for one served version of
 * a CRD: list (also across namespaces when namespaced), create and delete the collection; read, replace, delete and
 * patch one; read, replace and patch its status and scale when the version has those subresources.
 */
export function customResourceRoutes(type: ResourceType, base: CustomResourceBase): Route[] {
  const model = modelName(type.group, type.version, type.kind);
  const list = modelName(type.group, type.version, type.listKind);
  const routes: Route[] = [];
  const add = (root: string, path: string, method: Method, action: OptionsAction, verb: string, returns: string, body?: string, operation?: string): void => {
    routes.push(route(type, base, { root, path, method, action, verb, returns, body, operation }));
  };
  let root = `/apis/${type.group}/${type.version}/${type.plural}`;
  if (type.namespaced) {
    add(root, '', 'get', 'list', 'list', list, undefined, `list${type.kind}ForAllNamespaces`);
    root = `/apis/${type.group}/${type.version}/namespaces/{namespace}/${type.plural}`;
  }
  add(root, '', 'get', 'list', 'list', list);
  add(root, '', 'post', 'post', 'create', model, model);
  add(root, '', 'delete', 'deletecollection', 'deletecollection', `${META}.Status`);
  add(root, '/{name}', 'get', 'get', 'read', model);
  add(root, '/{name}', 'put', 'put', 'replace', model, model);
  add(root, '/{name}', 'delete', 'delete', 'delete', `${META}.Status`, `${META}.DeleteOptions`);
  add(root, '/{name}', 'patch', 'patch', 'patch', model, `${META}.Patch`);
  const has = (name: string) => type.subresources.some((s) => s.name === name);
  for (const [subresource, returns] of [['status', model], ['scale', SCALE]] as const) {
    if (!has(subresource)) continue;
    add(root, `/{name}/${subresource}`, 'get', 'get', 'read', returns);
    add(root, `/{name}/${subresource}`, 'put', 'put', 'replace', returns, returns);
    add(root, `/{name}/${subresource}`, 'patch', 'patch', 'patch', returns, `${META}.Patch`);
  }
  return routes;
}

interface RouteSpec {
  root: string;
  path: string;
  method: Method;
  action: OptionsAction;
  /** The operation verb builder.go names and describes the route with: list, create, read, replace, ... */
  verb: string;
  returns: string;
  body: string | undefined;
  operation: string | undefined;
}

function route(type: ResourceType, base: CustomResourceBase, spec: RouteSpec): Route {
  const full = spec.root + spec.path;
  const subresource = spec.path.split('/')[2] ?? '';
  const operation = spec.operation ?? `${spec.verb}${type.namespaced ? 'Namespaced' : ''}${type.kind}${capitalize(subresource)}`;
  const { operationId, tag } = operationIdAndTag(operation, full);
  const name: SwaggerParameter = { description: `name of the ${type.kind}`, in: 'path', name: 'name', required: true, type: 'string', uniqueItems: true };
  const responses: Route['responses'] = [[200, 'OK', spec.returns]];
  if (spec.action === 'post') responses.push([201, 'Created', spec.returns], [202, 'Accepted', spec.returns]);
  if (spec.action === 'delete') responses.push([202, 'Accepted', spec.returns]);
  if (spec.action === 'put') responses.push([201, 'Created', spec.returns]);
  return {
    path: full,
    method: spec.method,
    action: spec.action,
    operationId,
    tag,
    description: describe(type.kind, subresource, spec.verb),
    group: type.group,
    version: type.version,
    kind: type.kind,
    responses,
    ...(spec.body === undefined ? {} : { body: { model: spec.body, required: spec.action !== 'delete' } }),
    consumes: spec.method === 'patch' ? PATCH_TYPES : JSON_AND_YAML,
    produces: JSON_AND_YAML,
    parameters: [
      base.parameters.pretty,
      ...(full.includes('{namespace}') ? [base.parameters.namespace] : []),
      ...(full.includes('{name}') ? [name] : []),
      ...base.parameters[spec.action],
    ],
  };
}

/** builder.go descriptionFor: "list objects of kind CronTab", "read status of the specified CronTab", ... */
function describe(kind: string, subresource: string, verb: string): string {
  const of = subresource === '' ? '' : ` ${subresource} of`;
  switch (verb) {
    case 'list':
      return `list${of} objects of kind ${kind}`;
    case 'read':
    case 'replace':
      return `${verb}${of} the specified ${kind}`;
    case 'patch':
      return `partially update${of} the specified ${kind}`;
    case 'deletecollection':
      return `delete collection of${of ? `${of} a` : ''} ${kind}`;
    default:
      return `${verb}${of}${articleFor(kind)}${kind}`;
  }
}

/** apiserver pkg/endpoints GetArticleForNoun, padded with spaces: " a ", " an ", or " " before a plural. */
function articleFor(noun: string): string {
  if (!noun.endsWith('ss') && noun.endsWith('s')) return ' ';
  return /^[aeiou]/i.test(noun) ? ' an ' : ' a ';
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
