export { decodeEnvelope, encodeEnvelope, ENVELOPE_TAIL, envelopeHead, NOT_MARKED_MESSAGE, PROTOBUF_MEDIA_TYPE, type UnknownEnvelope } from './envelope.js';
export { messageNameOf } from './kube-messages.js';
export { encodeObjectMessage } from './object-message.js';
export { REVIEW_SCHEMAS, SELF_SUBJECT_ACCESS_REVIEW, SELF_SUBJECT_REVIEW, SELF_SUBJECT_RULES_REVIEW } from './review-messages.js';
export { decodeMessage, type DecodedMessage, encodeMessage, type FieldSpec, type MessageSchema, ProtobufDecodeError } from './wire-schema.js';
