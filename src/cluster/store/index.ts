export { ClusterStore, type ListResult, type StoreListener, type StoreOptions } from './cluster-store.js';
export type { ListOptions } from './list-scan.js';
export { type IndexFunction, type KeySet, objectLabels } from './resource-table.js';
export type { StoreEvent, StoreEventType } from './store-event.js';
export { StoreError, type StoreErrorReason } from './store-error.js';
export { StoredObject } from './stored-object.js';
export { SortedKeys } from './sorted-keys.js';
export { type ContinuePoint, decodeContinue, encodeContinue, LATEST } from './continue-token.js';
export { type ListPage, listPage, type ListRequest, parseResourceVersion, type ReadPoint, type ResourceVersionMatch } from './resource-version.js';
