import protobuf from 'protobufjs';

/**
 * Reads the Kubernetes protobuf bodies kubectl >= 1.32 POSTs for access reviews (apimachinery
 * pkg/runtime/generated.proto `Unknown` inside the `k8s\0` envelope; api authorization/v1/generated.proto).
 * Only the fields a review needs are decoded; the rest are skipped.
 */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export interface DecodedReview {
  apiVersion: string;
  kind: string;
  /** The object, as JSON would have carried it. */
  object: Record<string, unknown>;
}

type Fields = Map<number, (Uint8Array | string)[]>;

function readFields(bytes: Uint8Array): Fields {
  const reader = protobuf.Reader.create(bytes);
  const fields: Fields = new Map();
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 2) {
      const value = reader.bytes();
      fields.set(field, [...(fields.get(field) ?? []), value]);
    } else {
      reader.skipType(wireType);
    }
  }
  return fields;
}

const text = (fields: Fields, n: number): string => {
  const value = fields.get(n)?.[0];
  return value === undefined ? '' : Buffer.from(value as Uint8Array).toString('utf8');
};
const message = (fields: Fields, n: number): Fields | undefined => {
  const value = fields.get(n)?.[0];
  return value === undefined ? undefined : readFields(value as Uint8Array);
};

export function isKubernetesProtobuf(body: Buffer): boolean {
  return body.length >= 4 && body.subarray(0, 4).equals(MAGIC);
}

/** Throws when the body is not a review this decoder knows. */
export function decodeReview(body: Buffer): DecodedReview {
  if (!isKubernetesProtobuf(body)) throw new Error('missing the k8s protobuf envelope');
  const unknown = readFields(body.subarray(4));
  const typeMeta = message(unknown, 1);
  const apiVersion = typeMeta ? text(typeMeta, 1) : '';
  const kind = typeMeta ? text(typeMeta, 2) : '';
  const raw = unknown.get(2)?.[0] as Uint8Array | undefined;
  const object = raw ? readFields(raw) : new Map();
  const spec = message(object, 2) ?? new Map();
  if (kind === 'SelfSubjectAccessReview') {
    const resource = message(spec, 1);
    const nonResource = message(spec, 2);
    const specJson: Record<string, unknown> = {};
    if (resource) {
      const names = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];
      specJson['resourceAttributes'] = Object.fromEntries(names.map((name, i) => [name, text(resource, i + 1)]).filter(([, v]) => v !== ''));
    }
    if (nonResource) specJson['nonResourceAttributes'] = { path: text(nonResource, 1), verb: text(nonResource, 2) };
    return { apiVersion, kind, object: { spec: specJson } };
  }
  if (kind === 'SelfSubjectRulesReview') {
    return { apiVersion, kind, object: { spec: { namespace: text(spec, 1) } } };
  }
  throw new Error(`cannot decode ${kind || 'an object of unknown kind'}`);
}
