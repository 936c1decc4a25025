import protobuf from 'protobufjs';
import type { Response } from 'supertest';
import { kubeMessages } from '../../src/api/protobuf/kube-messages.js';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** What client-go's typed clients accept (kubectl ≥ 1.32's describe, logs, auth can-i; controllers; informers). */
export const TYPED_CLIENT_ACCEPT = 'application/vnd.kubernetes.protobuf,application/json';

/**
 * A decoder independent of the server's encoder: protobufjs's own reader, given the same message definitions
 * (protobuf/messages.json), so a test reads back what the server wrote as any protobuf library would.
 */
let root: protobuf.Root | undefined;

function definitions(): protobuf.Root {
  if (root) return root;
  const made = new protobuf.Root();
  for (const [fullName, fields] of kubeMessages()) {
    const dot = fullName.lastIndexOf('.');
    const type = new protobuf.Type(fullName.slice(dot + 1));
    for (const [name, field] of fields) {
      if (field.type === 'map') {
        type.add(new protobuf.MapField(name, field.number, 'string', field.value.includes('.') ? `.${field.value}` : field.value));
      } else {
        const typeName = field.type === 'message' ? `.${field.message}` : field.type;
        type.add(new protobuf.Field(name, field.number, typeName, field.repeated ? 'repeated' : 'optional'));
      }
    }
    made.define(fullName.slice(0, dot)).add(type);
  }
  made.resolveAll();
  root = made;
  return made;
}

/** The message's fields as protobufjs reads them: int64 as numbers, bytes as Buffers, absent fields left out. */
export function decodeAs(messageName: string, bytes: Uint8Array): Record<string, unknown> {
  const type = definitions().lookupType(messageName);
  return type.toObject(type.decode(bytes), { longs: Number, bytes: Buffer }) as Record<string, unknown>;
}

/** A protobuf body's envelope (`k8s\0` and runtime.Unknown), with its raw message read as `messageName`. */
export function decodeBody(body: Uint8Array, messageName: string): { apiVersion: string; kind: string; object: Record<string, unknown>; tail: Buffer } {
  const magic = Buffer.from(body.subarray(0, 4)).toString('latin1');
  if (magic !== 'k8s\0') throw new Error(`no k8s\\0 prefix: ${JSON.stringify(magic)}`);
  const unknown = decodeAs('k8s.io.apimachinery.pkg.runtime.Unknown', body.subarray(4));
  const typeMeta = (unknown['typeMeta'] ?? {}) as { apiVersion?: string; kind?: string };
  return {
    apiVersion: typeMeta.apiVersion ?? '',
    kind: typeMeta.kind ?? '',
    object: decodeAs(messageName, (unknown['raw'] as Buffer | undefined) ?? Buffer.alloc(0)),
    tail: Buffer.from(body.subarray(body.length - 4)),
  };
}

/** The events of a protobuf watch stream: 4-byte big-endian lengths, each frame a metav1.WatchEvent. */
export function decodeWatchFrames(stream: Buffer): { type: string; raw: Buffer }[] {
  const events: { type: string; raw: Buffer }[] = [];
  for (let at = 0; at + 4 <= stream.length;) {
    const length = stream.readUInt32BE(at);
    const event = decodeAs('k8s.io.apimachinery.pkg.apis.meta.v1.WatchEvent', stream.subarray(at + 4, at + 4 + length));
    events.push({ type: event['type'] as string, raw: ((event['object'] as { raw?: Buffer } | undefined)?.raw ?? Buffer.alloc(0)) as Buffer });
    at += 4 + length;
  }
  return events;
}

/** A supertest parser keeping a binary body as it came (`.buffer(true).parse(binaryBody)`). */
export function binaryBody(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
