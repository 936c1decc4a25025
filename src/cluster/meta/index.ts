/** Kubernetes meta helpers used by the loader, the simulation and the HTTP layer alike: one home for each rule. */
export {
  formatQuantity,
  kibibytesText,
  mustParseQuantity,
  newNanoQuantity,
  newQuantity,
  parseQuantity,
  type Quantity,
  type QuantityFormat,
  quantityMilliValue,
  quantityText,
  quantityValue,
  sumQuantities,
} from './quantity.js';
export { rfc3339, rfc3339Micro, rfc3339Nano } from './time.js';
export { boundedMemo } from './bounded-memo.js';
export { plainCopy, samePlainValue, setField, withFields } from './plain-data.js';
export { randomString, safeAlphanum, safeEncodeString } from './rand.js';
export { formatGoDuration, formatGoDurationMs, parseGoDuration } from './go-duration.js';
export { controllerOf, isControlledBy, newControllerRef, type OwnerIdentity, ownerReference, type OwnerReference } from './owner-references.js';
