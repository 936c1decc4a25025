export { ClusterStore, type ListOptions, type ListResult, type StoreListener, type StoreOptions } from './cluster-store.js';
export type { IndexFunction } from './resource-table.js';
export type { StoreEvent, StoreEventType } from './store-event.js';
export { StoreError, type StoreErrorReason } from './store-error.js';
export { StoredObject } from './stored-object.js';
export { type ContinuePoint, decodeContinue, encodeContinue, LATEST } from './continue-token.js';
export { type ListPage, listPage, type ListRequest, parseResourceVersion, type ReadPoint, type ResourceVersionMatch } from './resource-version.js';
