import { createHash } from 'node:crypto';
import { gnosticDocumentType } from './gnostic-v2-schema.js';
import { type Json, swaggerToGnostic } from './swagger-to-gnostic.js';

/** A document's bytes as served and its entity tag: upper-case hex SHA-512 of them (kube-openapi computeETag). */
export interface ServedDocument {
  body: Buffer;
  etag: string;
}

export function etagOf(body: Buffer): string {
  return createHash('sha512').update(body).digest('hex').toUpperCase();
}

/** A JSON value as the server sends it: compact, as Go's json.Marshal writes it. */
export function servedJson(value: Json): ServedDocument {
  const body = Buffer.from(JSON.stringify(value));
  return { body, etag: etagOf(body) };
}

/** A swagger document as gnostic protobuf (kube-openapi pkg/handler/handler.go ToProtoBinary). */
export function gnosticProtobuf(swagger: Json): Buffer {
  const type = gnosticDocumentType();
  return Buffer.from(type.encode(type.fromObject(swaggerToGnostic(swagger))).finish());
}

export function serverRelativeUrl(key: string, etag: string): string {
  return `/openapi/v3/${key}?hash=${etag}`;
}

/**
 * The /openapi/v3 index: `{"paths":{"<key>":{"serverRelativeURL":"/openapi/v3/<key>?hash=<etag>"}}}`, keys sorted as
 * Go marshals the discovery map (kube-openapi pkg/handler3/handler.go buildDiscoveryCacheLocked).
 */
export function v3Index(etags: ReadonlyMap<string, string>): ServedDocument {
  const keys = [...etags.keys()].sort();
  return servedJson({ paths: Object.fromEntries(keys.map((key) => [key, { serverRelativeURL: serverRelativeUrl(key, etags.get(key) ?? '') }])) });
}
