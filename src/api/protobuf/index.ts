export { decodeEnvelope, encodeEnvelope, ENVELOPE_TAIL, envelopeHead, NOT_MARKED_MESSAGE, PROTOBUF_MEDIA_TYPE, type UnknownEnvelope } from './envelope.js';
export { kubeMessages, messageNameOf } from './kube-messages.js';
export { encodeObjectMessage } from './object-message.js';
export { decodeObjectMessage, ProtobufDecodeError } from './object-message-decoder.js';
