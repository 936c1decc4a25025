import type { KubeObject, ResourceType } from '../../cluster/index.js';
import { printerFor } from '../printing/printer-for.js';
import { type IncludeObject, tableRow } from '../printing/table-row.js';
import type { Printer } from '../printing/types.js';
import { type BookmarkKind, bookmarkObject } from './json-encoder.js';
import type { EncodableObject, ListMeta, ResourceEncoder } from './resource-encoder.js';

export interface TableOptions {
  type: ResourceType;
  version: 'v1' | 'v1beta1';
  includeObject: IncludeObject;
  /** Ages are computed when each row is printed: a watch's later rows age with the clock. */
  now: () => number;
  /** The resource's own printer unless another is given (a subresource's, as `scale`'s). */
  printer?: Printer;
  bookmarkKind: BookmarkKind;
}

/**
 * A meta.k8s.io Table as the API server builds it (apiserver pkg/endpoints/handlers/response.go): columns once,
 * one row per object, every column rendered (the server always prints wide; kubectl hides priority > 0).
 * Always compact. A watch sends one-row Tables, the column definitions with the first event only.
 */
export function tableEncoder(options: TableOptions): ResourceEncoder {
  const { type, includeObject, now } = options;
  const printer = options.printer ?? printerFor(type);
  const apiVersion = `meta.k8s.io/${options.version}`;
  let columnsSent = false;

  const head = (metadata: ListMeta, withColumns = true): string => {
    const columns = withColumns ? JSON.stringify(printer.columns) : 'null';
    return `{"kind":"Table","apiVersion":"${apiVersion}","metadata":${JSON.stringify(metadata)},"columnDefinitions":${columns},"rows":[`;
  };
  /**
   * The row of an object as the client reads it. Cells are printed from the object's stored form, as upstream
   * prints the internal version whatever version was asked for (an autoscaling/v1 HPA shows its v2 metrics).
   */
  const row = (object: Readonly<KubeObject>): string => {
    const printed = type.toStorage ? type.toStorage(object) : object;
    return JSON.stringify(tableRow(printer, printed as KubeObject, now(), includeObject, apiVersion, object as KubeObject));
  };
  /** A whole Table, its rows in the printer's order when it has one (which needs every row first). */
  function* table(metadata: ListMeta, items: readonly EncodableObject[]): Generator<string> {
    yield head(metadata);
    const objects = items.map((item) => item.object);
    let first = true;
    for (const object of printer.order ? printer.order(objects as KubeObject[]) : objects) {
      yield first ? row(object) : `,${row(object)}`;
      first = false;
    }
    yield ']}';
  }

  return {
    object: (item, meta) => ({ mediaType: 'application/json', pieces: table(meta, [item]), newline: true }),
    list: ({ metadata }, items) => ({ mediaType: 'application/json', pieces: table(metadata, items), newline: true }),
    watchObject: (item) => {
      const withColumns = !columnsSent;
      columnsSent = true;
      return `${head({ resourceVersion: item.object.metadata.resourceVersion ?? '' }, withColumns)}${row(item.object)}]}`;
    },
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(options.bookmarkKind, resourceVersion, initialEventsEnd),
  };
}
