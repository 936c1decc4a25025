import type { ResourceOutput } from '../negotiation/resource-output.js';
import type { Printer } from '../printing/types.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { groupVersionOf } from '../resources/resource-request.js';
import { jsonEncoder, prettyJsonEncoder } from './json-encoder.js';
import { metadataEncoder } from './metadata-encoder.js';
import { protobufEncoder, protobufMetadataEncoder } from './protobuf-encoder.js';
import type { ResourceEncoder } from './resource-encoder.js';
import { tableEncoder } from './table-encoder.js';
import { yamlEncoder } from './yaml-encoder.js';

/**
 * The encoder of the output negotiation chose (negotiation/resource-output.ts), made once per request and used
 * by the get, list and watch handlers alike. `printer` replaces the resource's own in a Table (a subresource's).
 */
export function encoderFor(request: ResourceRequest, options: { printer?: Printer } = {}): ResourceEncoder {
  const { type, cluster } = request;
  const output: ResourceOutput = request.output;
  const bookmarkKind = { kind: type.kind, apiVersion: groupVersionOf(type) };
  switch (output.format) {
    case 'table':
      return tableEncoder({
        type,
        version: output.version,
        includeObject: request.includeObject,
        now: () => cluster.clock.now(),
        ...(options.printer ? { printer: options.printer } : {}),
        bookmarkKind,
      });
    case 'metadata':
      return output.protobuf ? protobufMetadataEncoder(output.version) : metadataEncoder(output.version, output.pretty);
    case 'protobuf':
      return protobufEncoder(bookmarkKind);
    case 'yaml':
      return yamlEncoder(bookmarkKind);
    case 'json':
      return output.pretty ? prettyJsonEncoder(bookmarkKind) : jsonEncoder(bookmarkKind);
  }
}
