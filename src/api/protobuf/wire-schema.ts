import protobuf from 'protobufjs';

/**
 * A small schema-driven protobuf codec for the few Kubernetes messages kubefacade reads from request bodies.
 * A schema maps field numbers to JSON field names, so a decoded message has the shape the same object has in
 * JSON (k8s.io/api generated.proto: every message field carries `protobuf:"bytes,<n>,...,name=<json>"`).
 * Unknown fields are skipped, as gogo-protobuf's generated Unmarshal does.
 */
export type ScalarType = 'string' | 'bool' | 'bytes';

export type FieldSpec =
  | { name: string; type: ScalarType; repeated?: boolean }
  | { name: string; type: 'message'; schema: MessageSchema; repeated?: boolean }
  /** map<string,string>: repeated entries {1 key, 2 value} (labels, annotations). */
  | { name: string; type: 'map' };

export type MessageSchema = Readonly<Record<number, FieldSpec>>;

export type DecodedMessage = { [field: string]: DecodedValue };
export type DecodedScalar = string | boolean | Uint8Array;
export type DecodedValue = DecodedScalar | DecodedMessage | Record<string, string> | (DecodedScalar | DecodedMessage)[];

/** Raised when bytes are not the message they claim to be. */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
}

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

function expectedWireType(spec: FieldSpec): number {
  return spec.type === 'bool' ? WIRE_VARINT : WIRE_LENGTH_DELIMITED;
}

export function decodeMessage(bytes: Uint8Array, schema: MessageSchema): DecodedMessage {
  try {
    return readMessage(protobuf.Reader.create(bytes), bytes.length, schema);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw error;
    throw new ProtobufDecodeError(error instanceof Error ? error.message : String(error));
  }
}

function readMessage(reader: protobuf.Reader, end: number, schema: MessageSchema): DecodedMessage {
  const message: DecodedMessage = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    const fieldNumber = tag >>> 3;
    const wireType = tag & 7;
    const spec = schema[fieldNumber];
    if (!spec) {
      reader.skipType(wireType);
      continue;
    }
    if (wireType !== expectedWireType(spec)) {
      throw new ProtobufDecodeError(`field ${spec.name} (${fieldNumber}) has wire type ${wireType}`);
    }
    if (spec.type === 'map') {
      const entry = readMessage(reader, reader.uint32() + reader.pos, MAP_ENTRY);
      const map = (message[spec.name] as Record<string, string> | undefined) ?? {};
      map[typeof entry['key'] === 'string' ? entry['key'] : ''] = typeof entry['value'] === 'string' ? entry['value'] : '';
      message[spec.name] = map;
      continue;
    }
    const value = readValue(reader, spec);
    if (spec.repeated) {
      const list = (message[spec.name] as (DecodedScalar | DecodedMessage)[] | undefined) ?? [];
      list.push(value);
      message[spec.name] = list;
    } else {
      message[spec.name] = value;
    }
  }
  if (reader.pos !== end) throw new ProtobufDecodeError('message overruns its length');
  return message;
}

function readValue(reader: protobuf.Reader, spec: Exclude<FieldSpec, { type: 'map' }>): DecodedScalar | DecodedMessage {
  switch (spec.type) {
    case 'string':
      return reader.string();
    case 'bytes':
      return reader.bytes();
    case 'bool':
      return reader.bool();
    case 'message': {
      const length = reader.uint32();
      return readMessage(reader, reader.pos + length, spec.schema);
    }
  }
}

const MAP_ENTRY: MessageSchema = { 1: { name: 'key', type: 'string' }, 2: { name: 'value', type: 'string' } };

/**
 * The inverse, for the same schemas: writes fields in field-number order, skipping absent ones, as Go's
 * generated Marshal does. Used to build request bodies in tests and any protobuf answer.
 */
export function encodeMessage(message: Readonly<Record<string, unknown>>, schema: MessageSchema): Uint8Array {
  const writer = protobuf.Writer.create();
  writeMessage(writer, message, schema);
  return writer.finish();
}

function writeMessage(writer: protobuf.Writer, message: Readonly<Record<string, unknown>>, schema: MessageSchema): void {
  const numbers = Object.keys(schema)
    .map(Number)
    .sort((a, b) => a - b);
  for (const fieldNumber of numbers) {
    const spec = schema[fieldNumber];
    const value = spec ? message[spec.name] : undefined;
    if (!spec || value === undefined || value === null) continue;
    if (spec.type === 'map') {
      for (const [key, entry] of Object.entries(value as Record<string, string>)) {
        writer.uint32((fieldNumber << 3) | WIRE_LENGTH_DELIMITED).fork();
        writeMessage(writer, { key, value: entry }, MAP_ENTRY);
        writer.ldelim();
      }
      continue;
    }
    const values: unknown[] = spec.repeated && Array.isArray(value) ? value : [value];
    for (const item of values) writeValue(writer, fieldNumber, spec, item);
  }
}

function writeValue(writer: protobuf.Writer, fieldNumber: number, spec: Exclude<FieldSpec, { type: 'map' }>, value: unknown): void {
  writer.uint32((fieldNumber << 3) | expectedWireType(spec));
  switch (spec.type) {
    case 'string':
      writer.string(String(value));
      return;
    case 'bytes':
      writer.bytes(value instanceof Uint8Array ? value : new Uint8Array());
      return;
    case 'bool':
      writer.bool(value === true);
      return;
    case 'message':
      writer.fork();
      writeMessage(writer, value as Record<string, unknown>, spec.schema);
      writer.ldelim();
  }
}
