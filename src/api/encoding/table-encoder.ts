import { JSON_WATCH_FRAMING } from './watch-framing.js';
import type { KubeObject, ResourceType } from '../../cluster/index.js';
import { withDurationStability } from '../printing/human-duration.js';
import { printerFor } from '../printing/printer-for.js';
import { type IncludeObject, tableRow, type TableRow } from '../printing/table-row.js';
import type { Printer } from '../printing/types.js';
import { EncodingsByForm, jsonBytesOf, TimedEncodings } from './item-encodings.js';
import { type BookmarkKind, bookmarkObject } from './json-encoder.js';
import type { BodyPiece, EncodableObject, ListMeta, ResourceEncoder } from './resource-encoder.js';

/** Every Table form's rows, kept per object version until their ages tick over. */
const rowsByForm = new EncodingsByForm<TimedEncodings>();

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
   * The row of an object as the client reads it, made once per object version and kept until a duration it shows
   * changes. Cells are printed from the object's stored form, as upstream prints the internal version whatever
   * version was asked for (an autoscaling/v1 HPA shows its v2 metrics).
   */
  const rows = rowsByForm.get(
    [type, printer],
    `${apiVersion} ${includeObject}`,
    () =>
      new TimedEncodings((item, at) => {
        const object = item.object as KubeObject;
        const printed = type.toStorage ? type.toStorage(object) : object;
        const { value, stableForMs } = withDurationStability(() =>
          includeObject === 'Object'
            ? rowBeforeObject(tableRow(printer, printed as KubeObject, at, 'None', apiVersion, object))
            : JSON.stringify(tableRow(printer, printed as KubeObject, at, includeObject, apiVersion, object)),
        );
        return { text: value, stableForMs };
      }),
  );
  /**
   * The rows of `items` as of `now`. With includeObject=Object (kubectl's `get --sort-by`), a row is its kept text up
   * to `"object":`, then the object's own kept JSON: a Table of 150,000 pods holds no second copy of them.
   */
  function* rowPieces(items: readonly EncodableObject[], at: number): Generator<BodyPiece> {
    if (includeObject !== 'Object') {
      yield* rows.listed(items, at);
      return;
    }
    let first = true;
    for (const item of items) {
      const before = rows.afterComma(item, at);
      yield first ? before.subarray(1) : before;
      yield jsonBytesOf(item);
      yield ROW_END;
      first = false;
    }
  }
  /** A whole Table, its rows in the printer's order when it has one, every age measured from one instant. */
  function* table(metadata: ListMeta, items: readonly EncodableObject[]): Generator<BodyPiece> {
    yield head(metadata);
    yield* rowPieces(ordered(printer, items), now());
    yield ']}';
  }

  return {
    object: (item, meta) => ({ mediaType: 'application/json', kept: table(meta, [item]) }),
    list: ({ metadata }, items) => ({ mediaType: 'application/json', kept: table(metadata, items) }),
    watchObject: (item) => {
      const withColumns = !columnsSent;
      columnsSent = true;
      const row = [...rowPieces([item], now())].join('');
      return `${head({ resourceVersion: item.object.metadata.resourceVersion ?? '' }, withColumns)}${row}]}`;
    },
    bookmarkObject: (resourceVersion, initialEventsEnd) => bookmarkObject(options.bookmarkKind, resourceVersion, initialEventsEnd),
    watchFraming: JSON_WATCH_FRAMING,
  };
}

const ROW_END = Buffer.from('}');

/** A row's JSON up to its object's value: `{"cells":[...],"object":` (the object is the row's last key). */
function rowBeforeObject(row: TableRow): string {
  const text = JSON.stringify({ ...row, object: null });
  return text.slice(0, -'null}'.length);
}

/** Items in the printer's order, when it sorts a list (FlowSchemas by precedence); as given otherwise. */
function ordered(printer: Printer, items: readonly EncodableObject[]): readonly EncodableObject[] {
  if (!printer.order) return items;
  const itemOf = new Map<Readonly<KubeObject>, EncodableObject>();
  for (const item of items) itemOf.set(item.object, item);
  return printer.order(items.map((item) => item.object as KubeObject)).map((object) => itemOf.get(object) as EncodableObject);
}
