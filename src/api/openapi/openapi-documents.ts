import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gnosticDocumentType } from './gnostic-v2-schema.js';
import { openApiDirectory } from './openapi-directory.js';
import { type Json, swaggerToGnostic } from './swagger-to-gnostic.js';

/** A document's bytes as served and its entity tag: upper-case hex SHA-512 of them (kube-openapi computeETag). */
export interface ServedDocument {
  body: Buffer;
  etag: string;
}

export interface OpenApiDocuments {
  /** /openapi/v2 as JSON. */
  v2: ServedDocument;
  /** /openapi/v2 as gnostic protobuf, encoded on first use; upstream gives it the JSON's ETag. */
  v2Protobuf(): Buffer;
  /** /openapi/v3/<key> documents by key: `api/v1`, `apis/apps/v1`, `apis/apps`, `version`, ... */
  v3: ReadonlyMap<string, ServedDocument>;
  /** /openapi/v3: `{"paths":{"<key>":{"serverRelativeURL":"/openapi/v3/<key>?hash=<etag>"}}}`. */
  v3Root: ServedDocument;
}

const loaded = new Map<string, OpenApiDocuments>();

/** Reads the documents once per directory and process; every router built afterwards shares them. */
export function loadOpenApiDocuments(directory: string = openApiDirectory()): OpenApiDocuments {
  let documents = loaded.get(directory);
  if (!documents) {
    documents = readDocuments(directory);
    loaded.set(directory, documents);
  }
  return documents;
}

export function etagOf(body: Buffer): string {
  return createHash('sha512').update(body).digest('hex').toUpperCase();
}

function served(body: Buffer): ServedDocument {
  return { body, etag: etagOf(body) };
}

/** Files are indented for review; the server sends them compact, as Go's json.Marshal would. */
function readCompact(file: string): { parsed: Json; document: ServedDocument } {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Json;
  return { parsed, document: served(Buffer.from(JSON.stringify(parsed))) };
}

function readDocuments(directory: string): OpenApiDocuments {
  const v2 = readCompact(join(directory, 'v2.json'));
  const v3 = new Map<string, ServedDocument>();
  const v3Directory = join(directory, 'v3');
  for (const file of jsonFiles(v3Directory)) {
    const key = relative(v3Directory, file).slice(0, -'.json'.length).split(sep).join('/');
    v3.set(key, readCompact(file).document);
  }
  // Go marshals the discovery map with sorted keys (kube-openapi pkg/handler3/handler.go buildDiscoveryCacheLocked).
  const paths = Object.fromEntries(
    [...v3.keys()].sort().map((key) => [key, { serverRelativeURL: serverRelativeUrl(key, v3.get(key)?.etag ?? '') }]),
  );
  let protobuf: Buffer | undefined;
  return {
    v2: v2.document,
    v2Protobuf: () => {
      const type = gnosticDocumentType();
      protobuf ??= Buffer.from(type.encode(type.fromObject(swaggerToGnostic(v2.parsed))).finish());
      return protobuf;
    },
    v3,
    v3Root: served(Buffer.from(JSON.stringify({ paths }))),
  };
}

export function serverRelativeUrl(key: string, etag: string): string {
  return `/openapi/v3/${key}?hash=${etag}`;
}

function jsonFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
