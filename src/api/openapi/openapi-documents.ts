import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { once } from './once.js';
import { openApiDirectory } from './openapi-directory.js';
import { gnosticProtobuf, type ServedDocument, servedJson, v3Index } from './served-document.js';
import type { Json } from './swagger-to-gnostic.js';

/** What the OpenAPI router serves. Every document is built on first request and kept. */
export interface OpenApiDocuments {
  /** /openapi/v2 as JSON. */
  v2(): ServedDocument;
  /** /openapi/v2 as gnostic protobuf; upstream gives it the JSON's ETag. */
  v2Protobuf(): Buffer;
  /** The /openapi/v3 document of a key (`api/v1`, `apis/apps/v1`, `apis/apps`, `version`, ...), if there is one. */
  v3(key: string): ServedDocument | undefined;
  /** /openapi/v3: `{"paths":{"<key>":{"serverRelativeURL":"/openapi/v3/<key>?hash=<etag>"}}}`. */
  v3Root(): ServedDocument;
}

/** The documents of the built-in resources (and metrics-server), as scripts/update-openapi.mjs wrote them. */
export interface BuiltinDocuments extends OpenApiDocuments {
  /** The directory they were read from, where custom-resources.json lies too. */
  readonly directory: string;
  /** /openapi/v2 parsed: what a cluster's custom resources are merged into. */
  swagger(): Record<string, Json>;
  /** The ETag of every /openapi/v3 document, by key. */
  v3Etags(): ReadonlyMap<string, string>;
}

const loaded = new Map<string, BuiltinDocuments>();

/**
 * The built-in documents of a directory, shared by every router of the process. Nothing is read until a client
 * asks: a server nobody asks for OpenAPI starts without reading megabytes of it.
 */
export function loadOpenApiDocuments(directory: string = openApiDirectory()): BuiltinDocuments {
  let documents = loaded.get(directory);
  if (!documents) {
    documents = builtinDocuments(directory);
    loaded.set(directory, documents);
  }
  return documents;
}

function builtinDocuments(directory: string): BuiltinDocuments {
  const swagger = once(() => readJson(join(directory, 'v2.json')) as Record<string, Json>);
  // Files are indented for review; the server sends them compact, as Go's json.Marshal would.
  const v2 = once(() => servedJson(swagger()));
  const v2Protobuf = once(() => gnosticProtobuf(swagger()));
  const files = once(() => v3Files(join(directory, 'v3')));
  const v3 = new Map<string, () => ServedDocument>();
  const v3Document = (key: string): ServedDocument | undefined => {
    const file = files().get(key);
    if (file === undefined) return undefined;
    let document = v3.get(key);
    if (!document) {
      document = once(() => servedJson(readJson(file)));
      v3.set(key, document);
    }
    return document();
  };
  const v3Etags = once(() => etagsOf(directory, [...files().keys()], (key) => v3Document(key)?.etag ?? ''));
  return {
    directory,
    swagger,
    v2,
    v2Protobuf,
    v3: v3Document,
    v3Etags,
    v3Root: once(() => v3Index(v3Etags())),
  };
}

/**
 * The ETags of the v3 documents, from v3-etags.json (written with them by the script) so the index needs none of
 * the documents read; a key it lacks is hashed from its document.
 */
function etagsOf(directory: string, keys: readonly string[], hash: (key: string) => string): Map<string, string> {
  const file = join(directory, 'v3-etags.json');
  const recorded = existsSync(file) ? (readJson(file) as Record<string, string>) : {};
  return new Map(keys.map((key) => [key, recorded[key] ?? hash(key)]));
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** `api/v1` → `<directory>/api/v1.json`, for every JSON file under the directory. */
function v3Files(directory: string): Map<string, string> {
  const files = readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return new Map(files.map((file) => [relative(directory, file).slice(0, -'.json'.length).split(sep).join('/'), file]));
}
