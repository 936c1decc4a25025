import yaml from 'js-yaml';
import type { ListHead, ResourceEncoder } from './resource-encoder.js';
import type { BookmarkKind } from './json-encoder.js';
import { bookmarkObject } from './json-encoder.js';

/** js-yaml as the YAML serializer: no anchors, no folded lines. */
const dump = (value: unknown): string => yaml.dump(value, { noRefs: true, lineWidth: -1 });

/**
 * YAML (apimachinery serializer/yaml). js-yaml writes a document at once, so a list is dumped whole; a watch is
 * answered in JSON, as the watch handler always frames it.
 */
export function yamlEncoder(bookmarkKind: BookmarkKind): ResourceEncoder {
  return {
    object: (item) => ({ mediaType: 'application/yaml', text: dump(item.object) }),
    list: (head: ListHead, items) => ({ mediaType: 'application/yaml', text: dump({ ...head, items: items.map((item) => item.object) }) }),
    watchObject: (item) => item.json(),
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(bookmarkKind, resourceVersion, initialEventsEnd),
  };
}
