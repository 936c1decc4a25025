import type { KubeObject, ResourceType } from '../../cluster/index.js';
import { printerFor } from '../printing/printer-for.js';
import { type IncludeObject, tableRow } from '../printing/table-row.js';
import type { Printer } from '../printing/types.js';

export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/**
 * A meta.k8s.io Table as the API server builds it (apiserver pkg/endpoints/handlers/response.go): columns once,
 * one row per object, every column rendered (the server always prints wide; kubectl hides priority > 0).
 */
export class TableWriter {
  private readonly printer: Printer;

  constructor(
    type: ResourceType,
    private readonly version: 'v1' | 'v1beta1',
    private readonly includeObject: IncludeObject,
    /** Ages are computed when each row is printed: a watch's later rows age with the clock. */
    private readonly now: () => number,
    /** The resource's own printer unless another is given (a subresource's, as `scale`'s). */
    printer: Printer = printerFor(type),
  ) {
    this.printer = printer;
  }

  get apiVersion(): string {
    return `meta.k8s.io/${this.version}`;
  }

  /** The serialized Table's opening: kind, apiVersion, metadata, column definitions (or null, on later watch events). */
  head(metadata: TableListMeta, withColumns = true): string {
    const columns = withColumns ? JSON.stringify(this.printer.columns) : 'null';
    return `{"kind":"Table","apiVersion":"${this.apiVersion}","metadata":${JSON.stringify(metadata)},"columnDefinitions":${columns},"rows":[`;
  }

  row(object: Readonly<KubeObject>): string {
    return JSON.stringify(tableRow(this.printer, object as KubeObject, this.now(), this.includeObject, this.apiVersion));
  }

  /** A whole Table as pieces ready to write. */
  pieces(objects: Iterable<Readonly<KubeObject>>, metadata: TableListMeta): string[] {
    const pieces = [this.head(metadata)];
    let first = true;
    for (const object of objects) {
      pieces.push(first ? this.row(object) : `,${this.row(object)}`);
      first = false;
    }
    pieces.push(']}');
    return pieces;
  }

  /** A one-row Table as an object, for a watch event. */
  eventObject(object: Readonly<KubeObject>, withColumns: boolean, resourceVersion: string): string {
    return `${this.head({ resourceVersion }, withColumns)}${this.row(object)}]}`;
  }
}
