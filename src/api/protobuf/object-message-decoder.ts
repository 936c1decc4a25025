import protobuf from 'protobufjs';
import { formatGoDuration, rfc3339, rfc3339Micro } from '../../cluster/index.js';
import { type KubeField, kubeMessages, namedListItems } from './kube-messages.js';

/** Raised when bytes are not the message they claim to be. */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
}

/**
 * A protobuf message read into its JSON form: the inverse of encodeObjectMessage (object-message.ts), for the
 * bodies clients send (kubectl's access reviews). Fields are named as in JSON; apimachinery's hand-written types
 * come back in their JSON form (Time as RFC 3339, IntOrString as a number or a string, RawExtension as its JSON);
 * a JSON-inlined struct's fields join its parent's. Unknown fields are skipped, as gogo-protobuf's Unmarshal does.
 */
export function decodeObjectMessage(bytes: Uint8Array, messageName: string): Record<string, unknown> {
  try {
    const reader = protobuf.Reader.create(bytes);
    const decoded = readMessage(reader, bytes.length, messageName);
    return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as Record<string, unknown>) : {};
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw error;
    throw new ProtobufDecodeError(error instanceof Error ? error.message : String(error));
  }
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/** Messages whose JSON form is not an object of their fields: each turned from its decoded fields into that form. */
const SPECIAL_FORMS: Readonly<Record<string, (fields: Record<string, unknown>) => unknown>> = {
  // An empty Timestamp is Go's zero time, which JSON writes as null (time_proto.go Unmarshal).
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': ({ seconds, nanos }) =>
    seconds === undefined && nanos === undefined ? null : rfc3339(Number(seconds ?? 0) * 1000),
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': ({ seconds, nanos }) => {
    if (seconds === undefined && nanos === undefined) return null;
    const micros = Math.floor(Number(nanos ?? 0) / 1000);
    return rfc3339Micro(Number(seconds ?? 0) * 1000 + Math.floor(micros / 1000), micros % 1000);
  },
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': ({ duration }) => formatGoDuration(BigInt(Number(duration ?? 0))),
  'k8s.io.apimachinery.pkg.api.resource.Quantity': ({ string }) => string ?? '0',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': ({ type, intVal, strVal }) => (Number(type ?? 0) === 1 ? (strVal ?? '') : Number(intVal ?? 0)),
  'k8s.io.apimachinery.pkg.runtime.RawExtension': ({ raw }) => rawJson(raw),
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': ({ Raw }) => rawJson(Raw),
};

function rawJson(base64: unknown): unknown {
  if (typeof base64 !== 'string' || base64 === '') return undefined;
  const text = Buffer.from(base64, 'base64').toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProtobufDecodeError(`raw bytes are not JSON: ${text.slice(0, 40)}`);
  }
}

/** Each message's fields by number, made once per message. */
const byNumber = new Map<string, ReadonlyMap<number, readonly [string, KubeField]>>();

function fieldsByNumber(messageName: string): ReadonlyMap<number, readonly [string, KubeField]> {
  let fields = byNumber.get(messageName);
  if (!fields) {
    const message = kubeMessages().get(messageName);
    if (!message) throw new ProtobufDecodeError(`no protobuf message ${messageName}`);
    fields = new Map(message.map((entry) => [entry[1].number, entry] as const));
    byNumber.set(messageName, fields);
  }
  return fields;
}

function readMessage(reader: protobuf.Reader, end: number, messageName: string): unknown {
  const fields = fieldsByNumber(messageName);
  const out: Record<string, unknown> = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    const number = tag >>> 3;
    const wireType = tag & 7;
    const entry = fields.get(number);
    if (!entry) {
      reader.skipType(wireType);
      continue;
    }
    const [name, field] = entry;
    readField(reader, wireType, name, field, out);
  }
  if (reader.pos !== end) throw new ProtobufDecodeError('message overruns its length');
  const special = SPECIAL_FORMS[messageName];
  if (special) return special(out);
  if (namedListItems(messageName)) return out['items'] ?? [];
  return out;
}

function readField(reader: protobuf.Reader, wireType: number, name: string, field: KubeField, out: Record<string, unknown>): void {
  if (field.type === 'map') {
    expectWireType(wireType, WIRE_LENGTH_DELIMITED, name, field.number);
    const entryEnd = reader.uint32() + reader.pos;
    let key = '';
    let value: unknown;
    while (reader.pos < entryEnd) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1 && (tag & 7) === WIRE_LENGTH_DELIMITED) key = reader.string();
      else if (tag >>> 3 === 2) value = readValue(reader, tag & 7, field.value, name, field.number);
      else reader.skipType(tag & 7);
    }
    const map = (out[name] as Record<string, unknown> | undefined) ?? {};
    map[key] = value ?? (field.value === 'string' || field.value === 'bytes' ? '' : null);
    out[name] = map;
    return;
  }
  const type = field.type === 'message' ? field.message : field.type;
  // A repeated number may come packed: one length-delimited run of values.
  if (field.repeated && wireType === WIRE_LENGTH_DELIMITED && expectedWireType(type) !== WIRE_LENGTH_DELIMITED) {
    const runEnd = reader.uint32() + reader.pos;
    const list = (out[name] as unknown[] | undefined) ?? [];
    while (reader.pos < runEnd) list.push(readValue(reader, expectedWireType(type), type, name, field.number));
    out[name] = list;
    return;
  }
  const value = readValue(reader, wireType, type, name, field.number);
  if (field.type === 'message' && field.inline) Object.assign(out, value);
  else if (field.repeated) {
    const list = out[name] as unknown[] | undefined;
    if (list) list.push(value);
    else out[name] = [value];
  }
  else out[name] = value;
}

function expectedWireType(type: string): number {
  switch (type) {
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64':
    case 'bool':
      return WIRE_VARINT;
    case 'double':
      return WIRE_FIXED64;
    case 'float':
      return WIRE_FIXED32;
    default:
      return WIRE_LENGTH_DELIMITED;
  }
}

function expectWireType(wireType: number, expected: number, name: string, number: number): void {
  if (wireType !== expected) throw new ProtobufDecodeError(`field ${name} (${number}) has wire type ${wireType}`);
}

function readValue(reader: protobuf.Reader, wireType: number, type: string, name: string, number: number): unknown {
  expectWireType(wireType, expectedWireType(type), name, number);
  switch (type) {
    case 'string':
      return reader.string();
    case 'bytes':
      return Buffer.from(reader.bytes()).toString('base64');
    case 'bool':
      return reader.bool();
    case 'int32':
      return reader.int32();
    case 'uint32':
      return reader.uint32();
    case 'int64':
      return Number(reader.int64());
    case 'uint64':
      return Number(reader.uint64());
    case 'double':
      return reader.double();
    case 'float':
      return reader.float();
    default: {
      const length = reader.uint32();
      return readMessage(reader, reader.pos + length, type);
    }
  }
}
