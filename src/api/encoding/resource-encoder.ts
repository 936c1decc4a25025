import type { KubeObject } from '../../cluster/index.js';
import type { Status } from '../errors/status.js';

/**
 * One output form of resource responses (apiserver pkg/endpoints/handlers/responsewriters and the serializers
 * negotiation picks): the same encoder answers a get, a list and a watch, so the three cannot disagree on what
 * a form looks like. Bodies are pieces, each item encoded on its own and cached per form (item-encodings.ts), so
 * that a list is the concatenation of bytes made once per object version.
 */
export interface ResourceEncoder {
  /** One object (GET). A Table carries the object's resourceVersion in its ListMeta. */
  object(item: EncodableObject, meta: ListMeta): EncodedBody;
  /** A list (LIST): its head, then each item, then the tail. */
  list(head: ListHead, items: readonly EncodableObject[]): EncodedBody;
  /** The `object` of one watch event, serialized. */
  watchObject(item: EncodableObject): BodyPiece;
  /** A BOOKMARK event's object: an empty object of the watched kind carrying only a resourceVersion. */
  bookmarkObject(resourceVersion: number, initialEventsEnd: boolean): BodyPiece;
  /** How a watch in this form frames its events. */
  readonly watchFraming: WatchFraming;
}

/** An object as a resource presents it, with its compact JSON made once and shared by every reader. */
export interface EncodableObject {
  readonly object: Readonly<KubeObject>;
  json(): string;
  /** The same JSON as bytes, when the object keeps them (stored and converted objects do). */
  jsonBytes?(): Buffer;
  /** Those bytes after a comma, as the object follows another in a list, when the object keeps them so. */
  jsonAfterComma?(): Buffer;
}

/** metav1.ListMeta as a list or a Table carries it. */
export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A typed list's kind, apiVersion and metadata (`PodList`, `v1`, ...). */
export interface ListHead {
  kind: string;
  apiVersion: string;
  metadata: ListMeta;
}

/**
 * A body ready to write, in one of two makings:
 * - `kept`: compact JSON or protobuf whose pieces are mostly bytes kept per object version (item-encodings.ts): its
 *   length is known before a byte is written (Content-Length); JSON ends with a newline, as Go's json.Encoder writes
 *   it (apimachinery serializer/json doEncode);
 * - `made`: text made as it is written, a piece per item (indented JSON, which MarshalIndent ends without a
 *   newline; YAML): a body larger than a chunk is sent chunked, so a list of 150,000 objects is never one string.
 */
export type EncodedBody =
  | { mediaType: 'application/json' | 'application/vnd.kubernetes.protobuf'; kept: Iterable<BodyPiece> }
  | { mediaType: 'application/json' | 'application/yaml'; made: Iterable<string> };

/** A piece of a body: text, or bytes made once and kept (an item's cached encoding). */
export type BodyPiece = string | Buffer;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * How the events of a watch are written on its stream (apiserver handlers/watch.go: the negotiated serializer's
 * stream serializer and framer): the stream's media type, and each event as one frame around its object, which the
 * form's encoder has already serialized.
 */
export interface WatchFraming {
  readonly mediaType: string;
  event(type: WatchEventType, object: BodyPiece): Buffer;
  /** An ERROR event carrying a Status (a watch from a compacted resourceVersion). */
  error(status: Status): Buffer;
}
