export { convertToServedVersion, convertToStoredVersion, type ServedVersionConversion } from './served-version.js';
export { hpaV1ToV2, hpaV2ToV1 } from './hpa-v1.js';
export { coreEventFromEventsV1 } from './events-core.js';
export { eventV1FromCore } from './event-v1.js';
