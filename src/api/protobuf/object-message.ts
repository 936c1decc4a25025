import protobuf from 'protobufjs';
import { parseGoDuration, quantityText } from '../../cluster/index.js';
import { type KubeField, type KubeMessage, kubeMessages, namedListItems } from './kube-messages.js';

/**
 * An object's JSON form written as its protobuf message, as gogo-protobuf's generated Marshal writes the Go value
 * that JSON decodes into: fields in field-number order, absent and null ones left out. Where the two forms differ,
 * the JSON form of apimachinery's hand-written types is turned into their message (Time, MicroTime, Duration,
 * Quantity, IntOrString, RawExtension, FieldsV1), a named string list (`ExtraValue`, `Verbs`) into its `items`, a
 * base64 text into bytes, and a struct JSON inlines (Volume's VolumeSource) is gathered from its parent's fields.
 * A value that does not fit its field is left out, as Go's decoder would have refused it into the typed object.
 */
export function encodeObjectMessage(json: Readonly<Record<string, unknown>>, messageName: string): Uint8Array {
  const writer = protobuf.Writer.create();
  writeMessage(writer, json, messageName);
  return writer.finish();
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/** Messages whose JSON form is not an object of their fields: how each writes its fields from that form. */
const SPECIAL_MESSAGES: Readonly<Record<string, (writer: protobuf.Writer, value: unknown) => void>> = {
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': (writer, value) => writeTimestamp(writer, value, false),
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': (writer, value) => writeTimestamp(writer, value, true),
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': (writer, value) => {
    const nanos = typeof value === 'string' ? parseGoDuration(value) : undefined;
    if (nanos !== undefined) writer.uint32(tag(1, WIRE_VARINT)).int64(Number(nanos));
  },
  // Quantity.Marshal writes its canonical text (Quantity.String), as JSON does.
  'k8s.io.apimachinery.pkg.api.resource.Quantity': (writer, value) => {
    if (typeof value === 'string' || typeof value === 'number') writer.uint32(tag(1, WIRE_LENGTH_DELIMITED)).string(quantityText(value));
  },
  // intstr.IntOrString: {type 0 int / 1 string, intVal, strVal}, every field written (intstr/generated.pb.go).
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': (writer, value) => {
    const isString = typeof value === 'string';
    writer.uint32(tag(1, WIRE_VARINT)).int64(isString ? 1 : 0);
    writer.uint32(tag(2, WIRE_VARINT)).int32(typeof value === 'number' ? value : 0);
    writer.uint32(tag(3, WIRE_LENGTH_DELIMITED)).string(isString ? value : '');
  },
  'k8s.io.apimachinery.pkg.runtime.RawExtension': writeRawJson,
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': writeRawJson,
};

/** RawExtension and FieldsV1 carry their JSON as it is, in field 1. */
function writeRawJson(writer: protobuf.Writer, value: unknown): void {
  if (value !== undefined && value !== null) writer.uint32(tag(1, WIRE_LENGTH_DELIMITED)).bytes(Buffer.from(JSON.stringify(value)));
}

function tag(number: number, wireType: number): number {
  return ((number << 3) | wireType) >>> 0;
}

function messageNamed(name: string): KubeMessage {
  const message = kubeMessages().get(name);
  if (!message) throw new Error(`no protobuf message ${name}`);
  return message;
}

function writeMessage(writer: protobuf.Writer, value: unknown, messageName: string): void {
  const special = SPECIAL_MESSAGES[messageName];
  if (special) {
    special(writer, value);
    return;
  }
  const message = messageNamed(messageName);
  if (Array.isArray(value)) {
    const items = namedListItems(messageName);
    if (items) writeField(writer, items, value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Readonly<Record<string, unknown>>;
  for (const [name, field] of message) {
    if (field.type === 'message' && field.inline) {
      writer.uint32(tag(field.number, WIRE_LENGTH_DELIMITED)).fork();
      writeMessage(writer, object, field.message);
      writer.ldelim();
      continue;
    }
    const fieldValue = object[name];
    if (fieldValue !== undefined && fieldValue !== null) writeField(writer, field, fieldValue);
  }
}

function writeField(writer: protobuf.Writer, field: KubeField, value: unknown): void {
  if (field.type === 'map') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (entry === undefined) continue;
      writer.uint32(tag(field.number, WIRE_LENGTH_DELIMITED)).fork();
      writer.uint32(tag(1, WIRE_LENGTH_DELIMITED)).string(key);
      if (entry !== null) writeValue(writer, 2, field.value, entry);
      writer.ldelim();
    }
    return;
  }
  const type = field.type === 'message' ? field.message : field.type;
  if (field.repeated) {
    if (!Array.isArray(value)) return;
    for (const item of value) if (item !== null && item !== undefined) writeValue(writer, field.number, type, item);
    return;
  }
  writeValue(writer, field.number, type, value);
}

/** One value of a field: a scalar of its type, or a message (any type name with a dot). */
function writeValue(writer: protobuf.Writer, number: number, type: string, value: unknown): void {
  switch (type) {
    case 'string':
      if (typeof value === 'string') writer.uint32(tag(number, WIRE_LENGTH_DELIMITED)).string(value);
      return;
    case 'bool':
      if (typeof value === 'boolean') writer.uint32(tag(number, WIRE_VARINT)).bool(value);
      return;
    case 'bytes':
      // []byte is base64 text in JSON (Secret.data, ConfigMap.binaryData).
      if (typeof value === 'string') writer.uint32(tag(number, WIRE_LENGTH_DELIMITED)).bytes(Buffer.from(value, 'base64'));
      return;
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64': {
      const integer = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
      if (integer === undefined || !Number.isInteger(integer)) return;
      writer.uint32(tag(number, WIRE_VARINT));
      if (type === 'int32') writer.int32(integer);
      else if (type === 'uint32') writer.uint32(integer);
      else if (type === 'uint64') writer.uint64(integer);
      else writer.int64(integer);
      return;
    }
    case 'double':
      if (typeof value === 'number') writer.uint32(tag(number, WIRE_FIXED64)).double(value);
      return;
    case 'float':
      if (typeof value === 'number') writer.uint32(tag(number, WIRE_FIXED32)).float(value);
      return;
    default:
      writer.uint32(tag(number, WIRE_LENGTH_DELIMITED)).fork();
      writeMessage(writer, value, type);
      writer.ldelim();
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.(\d{1,9}))?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * metav1.Time and MicroTime as a Timestamp {seconds, nanos}. Time keeps whole seconds, as its Marshal does (its JSON
 * only ever had seconds); MicroTime keeps microseconds (time_proto.go, micro_time_proto.go).
 */
function writeTimestamp(writer: protobuf.Writer, value: unknown, micro: boolean): void {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) return;
  writer.uint32(tag(1, WIRE_VARINT)).int64(Math.floor(Date.parse(value as string) / 1000));
  const fraction = match[1];
  writer.uint32(tag(2, WIRE_VARINT)).int32(micro && fraction ? Number(fraction.padEnd(6, '0').slice(0, 6)) * 1000 : 0);
}
