import type { Response } from 'express';
import type { KubeObject } from '../../cluster/index.js';
import type { NodeMetrics, PodMetrics } from '../../cluster/index.js';
import { printerFor } from '../printing/printer-for.js';
import { tableRow, type TableRow } from '../printing/table-row.js';
import { encoderFor, type EncodableObject } from '../encoding/index.js';
import { groupVersionOf, type ResourceRequest } from '../resources/resource-request.js';
import { writeAsMade, writeEncoded, writeObject } from '../responses/write-body.js';

type MetricsObject = NodeMetrics | PodMetrics;

export type MetricsBody = { single: MetricsObject } | { list: readonly MetricsObject[] };

/**
 * Renders metrics as negotiated. A list is `{kind, apiVersion, metadata: {}, items}` with bare items (no kind
 * or apiVersion, as a typed list's items are encoded); a Table is metrics-server's ConvertToTable (pkg/api/
 * table.go) in the meta.k8s.io version asked for: metav1beta1.Table is an alias of metav1.Table and the API
 * server's asTable answers in the negotiated version, so kubectl, which asks for v1 first, gets v1. Without
 * items metrics-server never sets the columns, so both columnDefinitions and rows are null.
 */
export function writeMetrics(request: ResourceRequest, res: Response, body: MetricsBody): void {
  const { output, type } = request;
  const objects = 'single' in body ? [body.single] : body.list;
  if (output.format === 'table') {
    const apiVersion = `meta.k8s.io/${output.version}`;
    const printer = printerFor(type);
    const now = request.cluster.clock.now();
    const row = (object: MetricsObject): TableRow => tableRow(printer, object as unknown as KubeObject, now, request.includeObject, apiVersion);
    const head = { kind: 'Table', apiVersion, metadata: {}, columnDefinitions: objects.length > 0 ? printer.columns : null };
    if (output.pretty) {
      const table = { ...head, rows: objects.length > 0 ? objects.map(row) : null };
      writeObject(res, 200, table, 'pretty');
    } else writeAsMade(res, 200, 'application/json', tablePieces(head, objects, row));
    return;
  }
  // Otherwise the object or list is encoded as any resource's is; a list's items go bare, as a typed list's are.
  const encoder = encoderFor(request);
  if ('single' in body) {
    writeEncoded(res, 200, encoder.object(encodable(body.single), {}));
    return;
  }
  const items = body.list.map(({ kind: _kind, apiVersion: _apiVersion, ...item }) => encodable(item));
  writeEncoded(res, 200, encoder.list({ kind: type.listKind, apiVersion: groupVersionOf(type), metadata: {} }, items));
}

/**
 * The Table's compact JSON, a row at a time (all pods' metrics at 150,000 pods are 54 MB of it): what
 * `JSON.stringify({ ...head, rows })` writes, then the newline Go's json.Encoder ends a body with.
 */
function* tablePieces(head: object, objects: readonly MetricsObject[], row: (object: MetricsObject) => TableRow): Generator<string> {
  const opening = JSON.stringify(head).slice(0, -1);
  if (objects.length === 0) {
    yield `${opening},"rows":null}\n`;
    return;
  }
  yield `${opening},"rows":[`;
  for (const [i, object] of objects.entries()) yield `${i === 0 ? '' : ','}${JSON.stringify(row(object))}`;
  yield ']}\n';
}

/** Metrics are computed for each request: serialized when encoded, never shared. */
function encodable(object: object): EncodableObject {
  return { object: object as KubeObject, json: () => JSON.stringify(object) };
}
