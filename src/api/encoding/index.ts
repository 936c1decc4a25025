export { encoderFor } from './encoder-for.js';
export type { EncodableObject, EncodedBody, ListHead, ListMeta, ResourceEncoder } from './resource-encoder.js';
