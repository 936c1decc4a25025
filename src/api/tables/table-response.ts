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
    private readonly type: ResourceType,
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

  /**
   * The row of an object as the client reads it. Cells are printed from the object's stored form, as upstream
   * prints the internal version whatever version was asked for (an autoscaling/v1 HPA shows its v2 metrics).
   */
  row(object: Readonly<KubeObject>): string {
    const printed = this.type.toStorage ? this.type.toStorage(object) : object;
    return JSON.stringify(tableRow(this.printer, printed as KubeObject, this.now(), this.includeObject, this.apiVersion, object as KubeObject));
  }

  /** A whole Table as pieces ready to write, its rows in the printer's order when it has one. */
  pieces(objects: readonly Readonly<KubeObject>[], metadata: TableListMeta): string[] {
    const pieces = [this.head(metadata)];
    let first = true;
    for (const object of this.printer.order ? this.printer.order(objects as KubeObject[]) : objects) {
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
