import { JSON_WATCH_FRAMING } from './watch-framing.js';
import { jsonBytesOf, LISTED_JSON, type ListedEncoding, listedItems } from './item-encodings.js';
import type { BodyPiece, EncodableObject, ListHead, ResourceEncoder } from './resource-encoder.js';

/** Compact JSON: the stored serialization of each object, reused as it is (apimachinery serializer/json). */
export function jsonEncoder(bookmarkKind: BookmarkKind): ResourceEncoder {
  return {
    object: (item) => ({ mediaType: 'application/json', kept: [jsonBytesOf(item)] }),
    list: (head, items) => ({ mediaType: 'application/json', kept: compactList(head, items, LISTED_JSON) }),
    watchObject: (item) => item.json(),
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(bookmarkKind, resourceVersion, initialEventsEnd),
    watchFraming: JSON_WATCH_FRAMING,
  };
}

/** Indented JSON for a person (`?pretty`, curl): json.MarshalIndent with two spaces. A watch stays compact. */
export function prettyJsonEncoder(bookmarkKind: BookmarkKind): ResourceEncoder {
  return {
    object: (item) => ({ mediaType: 'application/json', made: [JSON.stringify(item.object, null, 2)] }),
    list: (head, items) => ({ mediaType: 'application/json', made: prettyList(head, items, (item) => item.object) }),
    watchObject: (item) => item.json(),
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(bookmarkKind, resourceVersion, initialEventsEnd),
    watchFraming: JSON_WATCH_FRAMING,
  };
}

/** The kind and apiVersion a bookmark of a watch is an (empty) object of. */
export interface BookmarkKind {
  kind: string;
  apiVersion: string;
}

/** `{"kind":...,"apiVersion":...,"metadata":{...},"items":[` item `,` item `]}`, each item encoded on its own. */
export function* compactList(head: ListHead, items: readonly EncodableObject[], encoding: ListedEncoding): Generator<BodyPiece> {
  yield `{"kind":"${head.kind}","apiVersion":"${head.apiVersion}","metadata":${JSON.stringify(head.metadata)},"items":[`;
  yield* listedItems(items, encoding);
  yield ']}';
}

/**
 * What `JSON.stringify(list, null, 2)` writes, made an item at a time: each item indented on its own by the two
 * levels it sits at (strings never hold a raw newline in JSON, so re-indenting lines is exact).
 */
export function* prettyList(head: ListHead, items: readonly EncodableObject[], view: (item: EncodableObject) => unknown): Generator<string> {
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "items": [`;
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(view(item), null, 2).replace(/\n/g, '\n    ');
    yield `${first ? '' : ','}\n    ${text}`;
    first = false;
  }
  yield first ? ']\n}' : '\n  ]\n}';
}

/** A bookmark carries only a resourceVersion (and, at the end of the initial events, the annotation saying so). */
export function bookmarkBody(
  kind: BookmarkKind,
  resourceVersion: number,
  initialEventsEnd: boolean,
): { kind: string; apiVersion: string; metadata: Record<string, unknown> } {
  const metadata: Record<string, unknown> = { resourceVersion: String(resourceVersion) };
  if (initialEventsEnd) metadata['annotations'] = { 'k8s.io/initial-events-end': 'true' };
  return { kind: kind.kind, apiVersion: kind.apiVersion, metadata };
}

export function bookmarkObject(kind: BookmarkKind, resourceVersion: number, initialEventsEnd: boolean): string {
  return JSON.stringify(bookmarkBody(kind, resourceVersion, initialEventsEnd));
}
