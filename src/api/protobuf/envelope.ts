import protobuf from 'protobufjs';
import { decodeObjectMessage, ProtobufDecodeError } from './object-message-decoder.js';
import { encodeObjectMessage } from './object-message.js';

/**
 * The envelope of every Kubernetes protobuf body (apimachinery pkg/runtime/serializer/protobuf/protobuf.go):
 * the 4 magic bytes `k8s\0`, then a runtime.Unknown (apimachinery pkg/runtime/generated.proto) whose `raw`
 * holds the object's own message and whose typeMeta names it.
 */
export const PROTOBUF_MAGIC = Uint8Array.from([0x6b, 0x38, 0x73, 0x00]);

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

export interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

const TYPE_META = 'k8s.io.apimachinery.pkg.runtime.TypeMeta';
const UNKNOWN = 'k8s.io.apimachinery.pkg.runtime.Unknown';

/** The text of upstream's error for a body without the prefix (protobuf.go `errNotMarked`). */
export const NOT_MARKED_MESSAGE = 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]';

export function decodeEnvelope(body: Uint8Array): UnknownEnvelope {
  if (body.length < PROTOBUF_MAGIC.length || !PROTOBUF_MAGIC.every((byte, i) => body[i] === byte)) {
    throw new ProtobufDecodeError(NOT_MARKED_MESSAGE);
  }
  const unknown = decodeObjectMessage(body.subarray(PROTOBUF_MAGIC.length), UNKNOWN);
  const typeMeta = (unknown['typeMeta'] ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    apiVersion: text(typeMeta['apiVersion']),
    kind: text(typeMeta['kind']),
    raw: typeof unknown['raw'] === 'string' ? Buffer.from(unknown['raw'], 'base64') : new Uint8Array(),
    contentEncoding: text(unknown['contentEncoding']),
    contentType: text(unknown['contentType']),
  };
}

/**
 * What the Go client and server write: magic, then Unknown with empty contentEncoding and contentType (gogo writes
 * every non-pointer string). Made as head, raw, tail, so that a list's raw message can be streamed between the two.
 */
export function encodeEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
  return Buffer.concat([envelopeHead(apiVersion, kind, raw.length), raw, ENVELOPE_TAIL]);
}

/** What precedes an envelope's raw message of `rawLength` bytes: magic, typeMeta, raw's tag and length. */
export function envelopeHead(apiVersion: string, kind: string, rawLength: number): Buffer {
  const named = namedPrefix(apiVersion, kind);
  const rawTag = protobuf.Writer.create().uint32(0x12).uint32(rawLength).finish();
  return Buffer.concat([named, rawTag]);
}

/** The magic and the typeMeta field of each kind's envelope, made once per kind: every GET of a kind starts with them. */
const namedPrefixes = new Map<string, Buffer>();

function namedPrefix(apiVersion: string, kind: string): Buffer {
  const key = `${apiVersion} ${kind}`;
  let prefix = namedPrefixes.get(key);
  if (!prefix) {
    const typeMeta = protobuf.Writer.create().uint32(0x0a).bytes(encodeObjectMessage({ apiVersion, kind }, TYPE_META)).finish();
    prefix = Buffer.concat([PROTOBUF_MAGIC, typeMeta]);
    namedPrefixes.set(key, prefix);
  }
  return prefix;
}

/** What follows the raw message: the empty contentEncoding (field 3) and contentType (field 4). */
export const ENVELOPE_TAIL = Buffer.from([0x1a, 0x00, 0x22, 0x00]);
