import type { Response } from 'express';
import { listObjects, type ListResult, type PageRequest, StoreError } from '../../cluster/index.js';
import { ApiError } from '../errors/api-error.js';
import { storeErrorToApiError } from '../errors/store-errors.js';
import { encodeContinue, LATEST } from '../lists/continue-token.js';
import { type ListOptions, parseListOptions } from '../lists/list-options.js';
import { writeJsonPieces, writeObject } from '../responses/write-body.js';
import { TableWriter, type TableListMeta } from '../tables/table-response.js';
import { partialObjectMetadata, partialObjectMetadataListHead } from './partial-metadata.js';
import { presented } from './presented-object.js';
import { groupVersionOf, type ResourceRequest } from './resource-request.js';

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** LIST: a typed list (PodList, ...) or a Table, paginated with continue tokens (apiserver handlers/get.go ListResource). */
export function listResource(request: ResourceRequest, res: Response): void {
  const { cluster, type, info } = request;
  const options = parseListOptions(type, request.query, info.namespace, false);
  const page = type.unversioned ? {} : pageRequest(request, options);
  let result: ListResult;
  try {
    result = listObjects(cluster.store, type, options.query, page);
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'Expired') throw expiredList(request, options);
    if (error instanceof StoreError) throw storeErrorToApiError(error);
    throw error;
  }
  const metadata: TableListMeta = type.unversioned ? {} : { resourceVersion: String(result.resourceVersion) };
  if (result.lastKey !== undefined) {
    metadata.continue = encodeContinue({ resourceVersion: result.resourceVersion, lastKey: scopedKey(request, result.lastKey) });
    if (result.remaining !== undefined) metadata.remainingItemCount = result.remaining;
  }
  const items = result.items.map((item) => presented(type, item));
  const output = request.output;
  if (output.format === 'table') {
    const writer = new TableWriter(type, output.version, request.includeObject, () => cluster.clock.now());
    writeJsonPieces(
      res,
      200,
      writer.pieces(
        items.map((item) => item.object),
        metadata,
      ),
    );
    return;
  }
  if (output.format === 'metadata') {
    const reduced = items.map((item) => partialObjectMetadata(item.object, output.version));
    if (output.pretty) {
      writeObject(res, 200, { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${output.version}`, metadata, items: reduced }, 'pretty');
    } else {
      writeJsonPieces(res, 200, [partialObjectMetadataListHead(output.version, metadata), reduced.map((object) => JSON.stringify(object)).join(','), ']}']);
    }
    return;
  }
  if (output.format === 'yaml' || output.pretty) {
    const body = { kind: type.listKind, apiVersion: groupVersionOf(type), metadata, items: items.map((i) => i.object) };
    writeObject(res, 200, body, output.format === 'yaml' ? 'yaml' : 'pretty');
    return;
  }
  const head = `{"kind":"${type.listKind}","apiVersion":"${groupVersionOf(type)}","metadata":${JSON.stringify(metadata)},"items":[`;
  const pieces = [head];
  items.forEach((item, index) => pieces.push(index === 0 ? item.json() : `,${item.json()}`));
  pieces.push(']}');
  writeJsonPieces(res, 200, pieces);
}

/** Where the list reads from: a continue point, an exact past resourceVersion, or now. */
function pageRequest(request: ResourceRequest, options: ListOptions): PageRequest {
  const store = request.cluster.store;
  const page: PageRequest = options.limit !== undefined ? { limit: options.limit } : {};
  if (options.continueFrom) {
    page.after = storeKey(request, options.continueFrom.lastKey);
    if (options.continueFrom.resourceVersion !== LATEST) page.atResourceVersion = options.continueFrom.resourceVersion;
    return page;
  }
  const rv = options.resourceVersion === undefined ? undefined : Number(options.resourceVersion);
  if (rv === undefined || rv === 0) return page;
  if (rv > store.resourceVersion) throw storeErrorToApiError(new StoreError('TooLargeResourceVersion', '', { requested: rv, limit: store.resourceVersion }));
  // resourceVersion=n with a limit and no match is Exact, for compatibility (apiserver storage/interfaces.go).
  const exact = options.resourceVersionMatch === 'Exact' || (options.resourceVersionMatch === undefined && options.limit !== undefined);
  if (exact) page.atResourceVersion = rv;
  return page;
}

function expiredList(request: ResourceRequest, options: ListOptions): ApiError {
  if (options.continueFrom) {
    // The token to go on with continues at the latest state (etcd3 store handleCompactedErrorForPaging).
    const fresh = encodeContinue({ resourceVersion: LATEST, lastKey: options.continueFrom.lastKey });
    return new ApiError(410, 'Expired', CONTINUE_EXPIRED, undefined, fresh);
  }
  return new ApiError(410, 'Expired', 'The resourceVersion for the provided list is too old.');
}

/** Continue keys are relative to the list's scope, as etcd keys are relative to the list prefix. */
function scopedKey(request: ResourceRequest, storeKey: string): string {
  const ns = request.info.namespace;
  return ns !== undefined && request.type.namespaced ? storeKey.slice(ns.length + 1) : storeKey;
}

function storeKey(request: ResourceRequest, scoped: string): string {
  const ns = request.info.namespace;
  return ns !== undefined && request.type.namespaced ? `${ns}/${scoped}` : scoped;
}
