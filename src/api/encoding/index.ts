export { encoderFor } from './encoder-for.js';
export type { EncodableObject, EncodedBody, ListHead, ListMeta, ResourceEncoder, WatchEventType } from './resource-encoder.js';
