import protobuf from 'protobufjs';
import type { KubeObject } from '../../cluster/index.js';
import { ENVELOPE_TAIL, encodeEnvelope, encodeObjectMessage, envelopeHead, kubeMessages, messageNameOf, PROTOBUF_MEDIA_TYPE } from '../protobuf/index.js';
import { type ListedEncoding, listedItems } from './item-encodings.js';
import { type BookmarkKind, bookmarkBody } from './json-encoder.js';
import type { BodyPiece, EncodableObject, EncodedBody, ListHead, ResourceEncoder, WatchFraming } from './resource-encoder.js';

/**
 * Protobuf (`application/vnd.kubernetes.protobuf`), as client-go asks for it: every body is the `k8s\0` magic and a
 * runtime.Unknown naming the kind, whose raw bytes are the object's message (apimachinery serializer/protobuf). A list's
 * message is its ListMeta (field 1) and its items (field 2), each item's message made once per object version and kept,
 * so a list is the concatenation of bytes already made, streamed between the envelope's head and tail.
 */
export function protobufEncoder(resourceKind: BookmarkKind): ResourceEncoder {
  // An object names its own kind (a Deployment's scale is autoscaling/v1's Scale); one made bare (a metrics sample) is
  // of the resource's. A list's items are of the kind its message's `items` field holds (PodList: Pod).
  const named = (item: EncodableObject): Named => (item.object.kind && item.object.apiVersion ? item.object : resourceKind);
  return encoderOf({
    named,
    objectMessages: (item) => messagesOf(messageOf(named(item))),
    listMessages: (head) => messagesOf(itemMessageOf(head)),
    listHead: (head) => head,
    bookmarkKind: resourceKind,
  });
}

/** meta.k8s.io PartialObjectMetadata(List) in protobuf, as client-go's metadata informers ask for it. */
export function protobufMetadataEncoder(version: 'v1' | 'v1beta1'): ResourceEncoder {
  const apiVersion = `meta.k8s.io/${version}`;
  return encoderOf({
    named: () => ({ kind: 'PartialObjectMetadata', apiVersion }),
    objectMessages: () => METADATA_MESSAGES,
    listMessages: () => METADATA_MESSAGES,
    listHead: (head) => ({ ...head, kind: 'PartialObjectMetadataList', apiVersion }),
    bookmarkKind: { kind: 'PartialObjectMetadata', apiVersion },
  });
}

/** What the envelope of a message names: its apiVersion and kind. */
type Named = Pick<KubeObject, 'apiVersion' | 'kind'>;

/** What tells one protobuf form from another: which message an object or a list's items are, and what names them. */
interface ProtobufForm {
  named(item: EncodableObject): Named;
  objectMessages(item: EncodableObject): ItemMessages;
  listMessages(head: ListHead): ItemMessages;
  listHead(head: ListHead): ListHead;
  bookmarkKind: BookmarkKind;
}

function encoderOf(form: ProtobufForm): ResourceEncoder {
  const { bookmarkKind } = form;
  const envelope = (item: EncodableObject): readonly Buffer[] => {
    const { apiVersion, kind } = form.named(item);
    const message = form.objectMessages(item).message(item);
    return [envelopeHead(apiVersion, kind, message.length), message, ENVELOPE_TAIL];
  };
  return {
    object: (item): EncodedBody => ({ mediaType: PROTOBUF_MEDIA_TYPE, kept: envelope(item) }),
    list: (head, items): EncodedBody => ({ mediaType: PROTOBUF_MEDIA_TYPE, kept: protobufList(form.listHead(head), items, form.listMessages(head)) }),
    watchObject: (item) => Buffer.concat(envelope(item)),
    bookmarkObject: (resourceVersion, initialEventsEnd) => {
      const body = bookmarkBody(bookmarkKind, resourceVersion, initialEventsEnd);
      return encodeEnvelope(body.apiVersion, body.kind, encodeObjectMessage(body, messageOf(body)));
    },
    watchFraming: PROTOBUF_WATCH_FRAMING,
  };
}

const LIST_META = 'k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta';

/**
 * The envelope of a list: its head, the ListMeta, every item as field 2, the tail. Every list kind has this layout
 * (upstream's streaming list encoder checks that it does: metadata is field 1, items field 2).
 */
function* protobufList(head: ListHead, items: readonly EncodableObject[], encoding: ListedEncoding): Generator<BodyPiece> {
  const listMeta = protobuf.Writer.create()
    .uint32(0x0a)
    .bytes(encodeObjectMessage(head.metadata as Record<string, unknown>, LIST_META))
    .finish();
  const pieces = listedItems(items, encoding);
  let length = listMeta.length;
  for (const piece of pieces) length += piece.length;
  yield envelopeHead(head.apiVersion, head.kind, length);
  yield Buffer.from(listMeta);
  yield* pieces;
  yield ENVELOPE_TAIL;
}

/** The message of an object by its apiVersion and kind. */
function messageOf(object: Named): string {
  const name = messageNameOf(object.apiVersion, object.kind);
  if (name === undefined) throw new Error(`no protobuf message for ${object.apiVersion} ${object.kind}`);
  return name;
}

/** The message of a list's items: what its `items` field holds. */
function itemMessageOf(head: ListHead): string {
  const items = kubeMessages()
    .get(messageOf(head))
    ?.find(([name]) => name === 'items')?.[1];
  if (items?.type !== 'message') throw new Error(`${head.apiVersion} ${head.kind} has no items of a message`);
  return items.message;
}

/**
 * Each item's message written as a list writes it (field 2, length-delimited), made once per object version and
 * form and kept beside it. An item made for one answer (a Scale, an object leaving a watch: it keeps no JSON bytes of
 * its own) is encoded for that answer only, not kept in a WeakMap keyed by it.
 */
class ItemMessages implements ListedEncoding {
  private readonly kept = new WeakMap<EncodableObject, Buffer>();

  constructor(private readonly encode: (item: EncodableObject) => Uint8Array) {}

  first(item: EncodableObject): Buffer {
    return this.following(item);
  }

  following(item: EncodableObject): Buffer {
    let listed = this.kept.get(item);
    if (!listed) {
      // Kept in a buffer of its own size: a view of the writer's pooled slab would keep the whole slab alive, and at
      // 150,000 pods that came to 4.6 times the bytes encoded.
      const message = this.encode(item);
      const head = protobuf.Writer.create().uint32(0x12).uint32(message.length).finish();
      listed = Buffer.allocUnsafeSlow(head.length + message.length);
      listed.set(head, 0);
      listed.set(message, head.length);
      if (item.jsonBytes) this.kept.set(item, listed);
    }
    return listed;
  }

  /** The item's message alone: its listed form after the tag and the length. */
  message(item: EncodableObject): Buffer {
    const listed = this.following(item);
    let offset = 1;
    while ((listed[offset] as number) & 0x80) offset++;
    return listed.subarray(offset + 1);
  }
}

/** The items' messages of each message, kept per object version. */
const messagesByName = new Map<string, ItemMessages>();

function messagesOf(messageName: string): ItemMessages {
  let messages = messagesByName.get(messageName);
  if (!messages) {
    messages = new ItemMessages((item) => encodeObjectMessage(item.object, messageName));
    messagesByName.set(messageName, messages);
  }
  return messages;
}

const PARTIAL_OBJECT_METADATA = 'k8s.io.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata';
const METADATA_MESSAGES = new ItemMessages((item) => encodeObjectMessage({ metadata: item.object.metadata }, PARTIAL_OBJECT_METADATA));

/** One object made for one answer (a review, a Status) as a protobuf body, by its own apiVersion and kind. */
export function protobufObject(object: Readonly<Named>): Buffer {
  return encodeEnvelope(object.apiVersion, object.kind, encodeObjectMessage(object as Readonly<Record<string, unknown>>, messageOf(object)));
}

/**
 * A protobuf watch (`application/vnd.kubernetes.protobuf;stream=watch`): each event a metav1.WatchEvent written
 * without an envelope, its object's raw bytes the object's own enveloped message, behind a 4-byte big-endian length
 * (apimachinery serializer/protobuf RawSerializer and LengthDelimitedFramer; apiserver handlers/watch.go).
 */
export const PROTOBUF_WATCH_FRAMING: WatchFraming = {
  mediaType: `${PROTOBUF_MEDIA_TYPE};stream=watch`,
  event: (type, object) => {
    // metav1.WatchEvent: type (1), object (2) a RawExtension whose raw (1) holds the object's bytes as they are.
    const raw = typeof object === 'string' ? Buffer.from(object) : object;
    const event = protobuf.Writer.create().uint32(0x0a).string(type).uint32(0x12).fork().uint32(0x0a).bytes(raw).ldelim().finish();
    const frame = Buffer.allocUnsafe(4 + event.length);
    frame.writeUInt32BE(event.length, 0);
    frame.set(event, 4);
    return frame;
  },
  error: (status) => PROTOBUF_WATCH_FRAMING.event('ERROR', protobufObject(status)),
};
