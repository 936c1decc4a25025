import type { ResourceType } from '../../cluster/index.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { groupVersionOf } from '../resources/resource-request.js';

/** A number per resource type object: a custom resource redefined by its CRD is another form than it was. */
const typeIds = new WeakMap<ResourceType, number>();
let lastTypeId = 0;

/**
 * What decides the bytes of a watch event besides the event itself: the resource as it is served and the output
 * negotiated (encoding/encoder-for.ts makes a watch's encoder from exactly these). Watchers of one form are sent
 * the same frame for an event. JSON, indented JSON and YAML watches all stream compact JSON, so they are one
 * form; protobuf watches another; a Table's column definitions, sent with a watcher's first event only, are that
 * watcher's own frame.
 */
export function watchFormOf(request: ResourceRequest): string {
  const { type, output } = request;
  let id = typeIds.get(type);
  if (id === undefined) {
    id = ++lastTypeId;
    typeIds.set(type, id);
  }
  const resource = `${id} ${groupVersionOf(type)}/${type.plural}`;
  switch (output.format) {
    case 'table':
      return `${resource} Table ${output.version} ${request.includeObject}`;
    case 'metadata':
      return `${resource} PartialObjectMetadata ${output.version}${output.protobuf ? ' protobuf' : ''}`;
    case 'protobuf':
      return `${resource} protobuf`;
    case 'json':
    case 'yaml':
      return `${resource} json`;
  }
}
