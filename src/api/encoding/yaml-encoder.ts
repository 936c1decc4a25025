import { JSON_WATCH_FRAMING } from './watch-framing.js';
import yaml from 'js-yaml';
import type { EncodableObject, ListHead, ResourceEncoder } from './resource-encoder.js';
import type { BookmarkKind } from './json-encoder.js';
import { bookmarkObject } from './json-encoder.js';

/** js-yaml as the YAML serializer: no anchors, no folded lines. */
export const dumpYaml = (value: unknown): string => yaml.dump(value, { noRefs: true, lineWidth: -1 });

/**
 * YAML (apimachinery serializer/yaml). A list is made an item at a time, so that it is written as it is made and
 * never becomes one string (150,000 pods are 500 MB of YAML, near V8's longest string); a watch is answered in
 * JSON, as the watch handler always frames it.
 */
export function yamlEncoder(bookmarkKind: BookmarkKind): ResourceEncoder {
  return {
    object: (item) => ({ mediaType: 'application/yaml', made: [dumpYaml(item.object)] }),
    list: (head: ListHead, items) => ({ mediaType: 'application/yaml', made: yamlList(head, items) }),
    watchObject: (item) => item.json(),
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(bookmarkKind, resourceVersion, initialEventsEnd),
    watchFraming: JSON_WATCH_FRAMING,
  };
}

/**
 * What `dumpYaml({ ...head, items })` writes, made an item at a time: the head's keys, then `items:` and each item as a
 * sequence entry, indented by the two levels it sits at. Lines are indented when they hold something, as the
 * dumper indents a nested block (an empty line of a block scalar stays empty).
 */
export function* yamlList(head: ListHead, items: readonly EncodableObject[]): Generator<string> {
  if (items.length === 0) {
    yield dumpYaml({ ...head, items: [] });
    return;
  }
  yield `${dumpYaml(head)}items:\n`;
  for (const item of items) yield `  - ${dumpYaml(item.object).replace(/\n(?=[^\n])/g, '\n    ')}`;
}
