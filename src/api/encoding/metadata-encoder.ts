import { JSON_WATCH_FRAMING } from './watch-framing.js';
import type { KubeObject } from '../../cluster/index.js';
import { ObjectEncodings } from './item-encodings.js';
import { bookmarkObject, compactList, prettyList } from './json-encoder.js';
import type { EncodableObject, ResourceEncoder } from './resource-encoder.js';

/** Each object's PartialObjectMetadata, per meta.k8s.io version, made once per object version. */
const encodingsByVersion = new Map<string, ObjectEncodings>();

/**
 * meta.k8s.io PartialObjectMetadata(List): each object reduced to its metadata, as the API server answers a
 * client that asks `as=PartialObjectMetadata` (apiserver handlers/response.go asPartialObjectMetadata);
 * client-go's metadata informers list and watch this way. A bookmark is transformed as every event object is.
 */
export function metadataEncoder(version: 'v1' | 'v1beta1', pretty: boolean): ResourceEncoder {
  const apiVersion = `meta.k8s.io/${version}`;
  const reduce = (item: EncodableObject): KubeObject => ({ kind: 'PartialObjectMetadata', apiVersion, metadata: item.object.metadata });
  let compact = encodingsByVersion.get(apiVersion);
  if (!compact) {
    compact = new ObjectEncodings((item) => JSON.stringify(reduce(item)));
    encodingsByVersion.set(apiVersion, compact);
  }
  return {
    object: (item) =>
      pretty ? { mediaType: 'application/json', made: [JSON.stringify(reduce(item), null, 2)] } : { mediaType: 'application/json', kept: [compact.get(item)] },
    list: ({ metadata }, items) => {
      const head = { kind: 'PartialObjectMetadataList', apiVersion, metadata };
      return pretty
        ? { mediaType: 'application/json', made: prettyList(head, items, reduce) }
        : { mediaType: 'application/json', kept: compactList(head, items, compact) };
    },
    watchObject: (item) => compact.get(item).toString(),
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject({ kind: 'PartialObjectMetadata', apiVersion }, resourceVersion, initialEventsEnd),
    watchFraming: JSON_WATCH_FRAMING,
  };
}
