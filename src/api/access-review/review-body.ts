import type { Request } from 'express';
import yaml from 'js-yaml';
import { type ApiError, badRequest, unsupportedMediaType } from '../errors/api-error.js';
import { decodeEnvelope, decodeObjectMessage, messageNameOf, PROTOBUF_MEDIA_TYPE, ProtobufDecodeError } from '../protobuf/index.js';

/** The type a review endpoint decodes its body into. */
export interface ExpectedType {
  group: string;
  version: string;
  kind: string;
}

const groupVersionOf = (type: ExpectedType): string => (type.group === '' ? type.version : `${type.group}/${type.version}`);

/**
 * Reads a POSTed review as the create handler does (apiserver pkg/endpoints/handlers/create.go): the body's media
 * type picks the decoder — JSON (also when no Content-Type is given), YAML, or Kubernetes protobuf, which kubectl
 * ≥1.32 sends for reviews — and anything else is a 415. The result has the object's JSON shape, whichever the
 * encoding. A body naming another kind or group version is a 400, with upstream's wording.
 */
export function readReviewBody(req: Request, expected: ExpectedType): Record<string, unknown> {
  const mediaType = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() || 'application/json';
  const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  let object: Record<string, unknown>;
  let apiVersion: string;
  let kind: string;
  if (mediaType === PROTOBUF_MEDIA_TYPE) {
    ({ object, apiVersion, kind } = decodeProtobuf(body, expected));
  } else if (mediaType === 'application/json' || mediaType === 'application/yaml') {
    object = decodeText(body.toString('utf8'), mediaType === 'application/yaml', expected);
    apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
    kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  } else {
    throw unsupportedMediaType();
  }
  checkTypeMeta(apiVersion, kind, expected);
  return object;
}

function unrecognized(expected: ExpectedType, detail: string): ApiError {
  return badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): ${detail}`);
}

function decodeText(text: string, isYaml: boolean, expected: ExpectedType): Record<string, unknown> {
  let value: unknown;
  try {
    value = isYaml ? yaml.load(text) : JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw unrecognized(expected, `couldn't get version/kind; ${isYaml ? 'yaml' : 'json'} parse error: ${detail}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw unrecognized(expected, "couldn't get version/kind; json parse error: the body is not an object");
  }
  return value as Record<string, unknown>;
}

function decodeProtobuf(body: Buffer, expected: ExpectedType): { object: Record<string, unknown>; apiVersion: string; kind: string } {
  try {
    const envelope = decodeEnvelope(body);
    checkTypeMeta(envelope.apiVersion, envelope.kind, expected);
    const message = messageNameOf(groupVersionOf(expected), expected.kind);
    if (!message) throw unsupportedMediaType();
    return { object: decodeObjectMessage(envelope.raw, message), apiVersion: envelope.apiVersion, kind: envelope.kind };
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw unrecognized(expected, error.message);
    throw error;
  }
}

/** A body may omit apiVersion and kind (the endpoint supplies them) but may not name others. */
function checkTypeMeta(apiVersion: string, kind: string, expected: ExpectedType): void {
  const groupVersion = groupVersionOf(expected);
  if (kind !== '' && kind !== expected.kind) {
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    throw badRequest(
      `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${expected.kind}: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"`,
    );
  }
  if (apiVersion !== '' && apiVersion !== groupVersion) {
    throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${groupVersion})`);
  }
}
