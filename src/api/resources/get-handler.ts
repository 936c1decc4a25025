import type { Response } from 'express';
import { type KubeObject, storageKeyOf } from '../../cluster/index.js';
import { ApiError, badRequest, notFound } from '../errors/api-error.js';
import { fromStore } from '../errors/store-errors.js';
import { type EncodableObject, encoderFor } from '../encoding/index.js';
import { writeEncoded } from '../responses/write-body.js';
import { customResourceScalePrinter } from '../printing/custom-resource-printer.js';
import { scalePrinter } from '../printing/scale-printer.js';
import { presented } from './presented-object.js';
import type { ResourceRequest } from './resource-request.js';
import { scaleOf } from './scale-subresource.js';

/** A computed view has no stored JSON to reuse: it is serialized on demand. */
function scaleView(object: Readonly<KubeObject>, type: ResourceRequest['type']): EncodableObject {
  const scale = scaleOf(object, type.custom?.scale);
  return { object: scale, json: () => JSON.stringify(scale) };
}

/**
 * GET of one object: the object itself, or a one-row Table (apiserver handlers/get.go GetResource); for the
 * `scale` subresource its Scale, for `status` and its like the object, printed by the resource's printer.
 */
export function getResource(request: ResourceRequest, res: Response): void {
  const { cluster, type, info } = request;
  const name = info.name as string;
  checkPathSegmentName(name);
  checkReadableAt(request);
  const stored = cluster.store.get(storageKeyOf(type), type.namespaced ? info.namespace : undefined, name);
  if (!stored) {
    // componentstatuses are not etcd-backed upstream; their registry answers a plain error, a 500 without reason.
    if (type.plural === 'componentstatuses') throw new ApiError(500, '', `Component not found: ${name}`);
    throw notFound(type.group, type.plural, name);
  }
  const object = info.subresource === 'scale' ? scaleView(stored.object, type) : presented(type, stored);
  // A custom resource's Scale is printed from the paths its CRD declares (apiextensions helpers.go).
  const printer = info.subresource !== 'scale' ? undefined : type.custom ? customResourceScalePrinter(type.custom.scale) : scalePrinter;
  const encoder = encoderFor(request, printer ? { printer } : {});
  writeEncoded(res, 200, encoder.object(object, type.unversioned ? {} : { resourceVersion: String(stored.resourceVersion) }));
}

/**
 * The storage layer refuses names that cannot be a path segment (apiserver registry NamespaceKeyFunc with
 * apimachinery path.IsValidPathSegmentName): `.`, `..`, or any `/` or `%`.
 */
function checkPathSegmentName(name: string): void {
  const problems: string[] = [];
  if (name === '.' || name === '..') problems.push(`may not be '${name}'`);
  else for (const illegal of ['/', '%']) if (name.includes(illegal)) problems.push(`may not contain '${illegal}'`);
  if (problems.length > 0) throw badRequest(`Name parameter invalid: ${JSON.stringify(name)}: ${problems.join(';')}`);
}

/**
 * A GET with a resourceVersion reads a state at least that new (the watch cache's GetOptions semantics); one the
 * cluster has not reached is the list's 504 Too large resource version.
 */
function checkReadableAt(request: ResourceRequest): void {
  const text = request.query['resourceVersion'];
  if (typeof text !== 'string' || !/^\d+$/.test(text)) return;
  fromStore(() => request.cluster.store.checkReached(Number(text)));
}
