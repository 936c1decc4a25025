import type { KubeObject } from '../../cluster/index.js';

/**
 * One column of a meta.k8s.io Table (apimachinery pkg/apis/meta/v1 TableColumnDefinition).
 * All five fields are always serialized, even `format: ""` and `priority: 0`, as the real server does.
 */
export interface ColumnDefinition {
  name: string;
  /** OpenAPI type of the cells: `string`, `integer`, `number`, `boolean`, `date`. */
  type: string;
  /** OpenAPI format hint: `name` marks the object's name column; `quantity`, `duration` in metrics tables. */
  format: string;
  description: string;
  /** 0 = always shown; 1 = shown by kubectl only with `-o wide` (the server always sends the cell). */
  priority: number;
}

/** A row condition (metav1.TableRowCondition); kubectl reads `Completed` to dim finished pods. */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/**
 * What k/k pkg/printers calls a TableHandler: the column list of one resource and a function producing one
 * row's cells, always in wide form (k/k pkg/printers/storage/storage.go asks for `Wide: true`).
 */
export interface Printer {
  readonly columns: readonly ColumnDefinition[];
  /** One cell per column; `now` (epoch ms) is the instant ages are measured from. */
  cells(object: KubeObject, now: number): unknown[];
  /** Row conditions, when the resource has any (pods: Completed). */
  conditions?(object: KubeObject): TableRowCondition[] | undefined;
  /**
   * The order of a list's rows, when the printer sorts the page it is given (FlowSchemas by precedence); list order
   * otherwise. Never applied to a single object or a watch event. Returns a new array.
   */
  order?(objects: readonly KubeObject[]): KubeObject[];
}
