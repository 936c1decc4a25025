import type { Response } from 'express';
import { listObjects, type ListPage, listPage, type ListRequest } from '../../cluster/index.js';
import { fromStore } from '../errors/store-errors.js';
import { type ListOptions, parseListOptions } from '../lists/list-options.js';
import { encoderFor, type ListMeta } from '../encoding/index.js';
import { writeEncoded } from '../responses/write-body.js';
import { presentedAll } from './presented-object.js';
import { groupVersionOf, type ResourceRequest } from './resource-request.js';

/** LIST: a typed list (PodList, ...) or a Table, paginated with continue tokens (apiserver handlers/get.go ListResource). */
export function listResource(request: ResourceRequest, res: Response): void {
  const { cluster, type, info } = request;
  const options = parseListOptions(type, request.query, info.namespace, false);
  // An unversioned list (componentstatuses) has no resourceVersion and no pages.
  const result: ListPage = fromStore(() =>
    type.unversioned
      ? listObjects(cluster.store, type, options.query)
      : listPage(cluster.store, listRequest(request, options), (point) => listObjects(cluster.store, type, options.query, point)),
  );
  const metadata: ListMeta = type.unversioned ? {} : { resourceVersion: String(result.resourceVersion) };
  if (result.continue !== undefined) {
    metadata.continue = result.continue;
    if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  }
  const items = presentedAll(type, result.items);
  const head = { kind: type.listKind, apiVersion: groupVersionOf(type), metadata };
  writeEncoded(res, 200, encoderFor(request).list(head, items));
}

/** The list's ListOptions as the store reads them; continue keys are relative to the namespace listed. */
function listRequest(request: ResourceRequest, options: ListOptions): ListRequest {
  const namespace = request.type.namespaced ? request.info.namespace : undefined;
  return {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.continueFrom ? { continueFrom: options.continueFrom } : {}),
    ...(options.resourceVersion !== undefined ? { resourceVersion: Number(options.resourceVersion) } : {}),
    ...(options.resourceVersionMatch !== undefined ? { resourceVersionMatch: options.resourceVersionMatch } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
  };
}
