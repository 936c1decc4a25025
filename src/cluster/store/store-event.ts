import type { ResourceKey } from '../resources/resource-type.js';
import type { StoredObject } from './stored-object.js';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * One change to the store. `object` is the state after the change (for DELETED, the last state, carrying the
 * deletion's resourceVersion); `previous` the state before (absent for ADDED). Watchers need both to tell when an
 * object starts or stops matching their selectors.
 */
export interface StoreEvent {
  readonly type: StoreEventType;
  readonly resource: ResourceKey;
  readonly resourceVersion: number;
  readonly object: StoredObject;
  readonly previous?: StoredObject;
}
