import { registry, StoredObject, type KubeObject } from '../../../src/cluster/index.js';
import { tableEncoder } from '../../../src/api/encoding/table-encoder.js';
import { jsonEncoder } from '../../../src/api/encoding/json-encoder.js';
import { TimedEncodings } from '../../../src/api/encoding/item-encodings.js';
import { translateTimestampSince } from '../../../src/api/printing/human-duration.js';
import type { Printer } from '../../../src/api/printing/types.js';
import type { BodyPiece, EncodedBody } from '../../../src/api/encoding/resource-encoder.js';

const pods = registry.find('', 'v1', 'pods');
if (!pods) throw new Error('pods are not served');
const CREATED = Date.parse('2026-01-01T00:00:00Z');
const MINUTE = 60_000;

function pod(name: string, createdMs: number, resourceVersion: number): StoredObject {
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: new Date(createdMs).toISOString(), resourceVersion: String(resourceVersion) },
  };
  return new StoredObject(`default/${name}`, resourceVersion, object);
}

/** A printer that counts the rows it prints: NAME and AGE. */
function countingPrinter(): Printer & { printed: number } {
  const printer = {
    printed: 0,
    columns: [
      { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    ],
    cells(object: KubeObject, now: number): unknown[] {
      printer.printed++;
      return [object.metadata.name, translateTimestampSince(object.metadata.creationTimestamp, now)];
    },
  };
  return printer;
}

function text(body: EncodedBody): string {
  if (body.mediaType !== 'application/json') throw new Error('not JSON');
  return [...('kept' in body ? body.kept : body.made)].map((piece: BodyPiece) => piece.toString()).join('');
}

function rows(body: EncodedBody): unknown[][] {
  return (JSON.parse(text(body)) as { rows: { cells: unknown[] }[] }).rows.map((row) => row.cells);
}

describe('Table rows are printed once per object version and reused until an age they show changes', () => {
  const bookmarkKind = { kind: 'Pod', apiVersion: 'v1' };

  it('reuses a row while its AGE text stays, prints it again when the AGE ticks over', () => {
    let now = CREATED + 5 * MINUTE + 30_000; // 5m30s: a second-granular age
    const printer = countingPrinter();
    const items = [pod('a', CREATED, 10), pod('b', CREATED - 3 * 24 * 60 * MINUTE, 11)]; // 5m30s and 3d
    const encoder = (): ReturnType<typeof tableEncoder> =>
      tableEncoder({ type: pods, version: 'v1', includeObject: 'Metadata', now: () => now, printer, bookmarkKind });

    expect(rows(encoder().list({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} }, items))).toEqual([
      ['a', '5m30s'],
      ['b', '3d'],
    ]);
    expect(printer.printed).toBe(2);

    now += 999; // both texts unchanged: nothing printed
    expect(rows(encoder().list({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} }, items))).toEqual([
      ['a', '5m30s'],
      ['b', '3d'],
    ]);
    expect(printer.printed).toBe(2);

    now += 1; // a's age ticks to 5m31s; b's 3d holds until its next hour
    expect(rows(encoder().list({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} }, items))).toEqual([
      ['a', '5m31s'],
      ['b', '3d'],
    ]);
    expect(printer.printed).toBe(3);
  });

  it('prints a new version of an object anew, and keeps forms apart (includeObject, Table version)', () => {
    const now = CREATED + 10 * 24 * 60 * MINUTE;
    const printer = countingPrinter();
    const first = pod('a', CREATED, 10);
    const second = pod('a', CREATED, 12);
    const encode = (includeObject: 'Metadata' | 'None', version: 'v1' | 'v1beta1', item: StoredObject): string =>
      text(tableEncoder({ type: pods, version, includeObject, now: () => now, printer, bookmarkKind }).object(item, {}));

    const metadataRow = encode('Metadata', 'v1', first);
    expect(encode('Metadata', 'v1', first)).toBe(metadataRow);
    expect(printer.printed).toBe(1);
    expect(encode('None', 'v1', first)).toContain('"object":null');
    expect(encode('Metadata', 'v1beta1', first)).toContain('"apiVersion":"meta.k8s.io/v1beta1","metadata"');
    expect(printer.printed).toBe(3);
    expect(encode('Metadata', 'v1', second)).toContain('"resourceVersion":"12"');
    expect(printer.printed).toBe(4);
  });

  it('a reused row is byte for byte the row printed fresh', () => {
    const now = CREATED + 2 * 60 * MINUTE;
    const items = Array.from({ length: 50 }, (_, i) => pod(`p${i}`, CREATED - i * 7 * MINUTE, 100 + i));
    const cached = tableEncoder({ type: pods, version: 'v1', includeObject: 'Metadata', now: () => now, printer: countingPrinter(), bookmarkKind });
    const head = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '200' } };
    const once = text(cached.list(head, items));
    expect(text(cached.list(head, items))).toBe(once);
    const fresh = tableEncoder({ type: pods, version: 'v1', includeObject: 'Metadata', now: () => now, printer: countingPrinter(), bookmarkKind });
    expect(text(fresh.list(head, items))).toBe(once);
  });
});

describe('the rows of a frozen list (a table’s objects until its next write) are kept together', () => {
  const bookmarkKind = { kind: 'Pod', apiVersion: 'v1' };
  const head = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} };
  const pieces = (body: EncodedBody): BodyPiece[] => ('kept' in body ? [...body.kept] : []);

  it('packs them into one piece while every row holds, and packs them anew once an age ticks over', () => {
    let now = CREATED + 5 * MINUTE + 30_000;
    const printer = countingPrinter();
    const items = Object.freeze([pod('a', CREATED, 10), pod('b', CREATED - 3 * 24 * 60 * MINUTE, 11)]);
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'Metadata', now: () => now, printer, bookmarkKind });

    const first = pieces(encoder.list(head, items));
    now += 999;
    const again = pieces(encoder.list(head, items));

    // Head, the packed rows, the tail: the very same packed buffer the second time.
    expect(first).toHaveLength(3);
    expect(again[1]).toBe(first[1]);
    expect(printer.printed).toBe(2);
    now += 1;
    const ticked = pieces(encoder.list(head, items));
    expect(ticked[1]).not.toBe(first[1]);
    expect(rows({ mediaType: 'application/json', kept: ticked })).toEqual([
      ['a', '5m31s'],
      ['b', '3d'],
    ]);
    expect(printer.printed).toBe(3);
  });

  it('packs again only the segment (about 1 MiB of rows) holding the row whose age ticked over', () => {
    let now = CREATED + 5 * MINUTE + 30_000;
    const old = (i: number): StoredObject => pod(`old-${String(i).padStart(5, '0')}-${'x'.repeat(200)}`, CREATED - 3 * 24 * 60 * MINUTE, 100 + i);
    const items = Object.freeze([pod('a-young', CREATED, 10), ...Array.from({ length: 6000 }, (_, i) => old(i))]);
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'None', now: () => now, printer: countingPrinter(), bookmarkKind });

    const first = pieces(encoder.list(head, items));
    now += 1000; // the young pod's age ticks over; the others' hold
    const next = pieces(encoder.list(head, items));

    expect(first.length).toBeGreaterThan(3);
    expect(next.length).toBe(first.length);
    expect(next[1]).not.toBe(first[1]);
    expect(next.slice(2)).toEqual(first.slice(2));
    next.slice(2).forEach((piece, i) => expect(piece).toBe(first[i + 2]));
    expect(rows({ mediaType: 'application/json', kept: next })[0]).toEqual(['a-young', '5m31s']);
  });

  it('holds each packed row once: its own encoding is a view of the packed bytes', () => {
    const items = Object.freeze([pod('a', CREATED, 10), pod('b', CREATED, 11), pod('c', CREATED, 12)]);
    const encodings = new TimedEncodings((item) => ({ text: `{"name":"${item.object.metadata.name}"}`, stableForMs: 60_000 }));
    const now = CREATED;
    const [packed] = encodings.listed(items, now);

    expect(packed?.toString()).toBe('{"name":"a"},{"name":"b"},{"name":"c"}');
    // Every later item's encoding (with its comma) lies in the packed buffer; the first's, without one, is its own.
    for (const item of items.slice(1)) expect(encodings.afterComma(item, now).buffer).toBe(packed?.buffer);
    expect(encodings.afterComma(items[1] as StoredObject, now).toString()).toBe(',{"name":"b"}');
    expect(encodings.get(items[2] as StoredObject, now).toString()).toBe('{"name":"c"}');
    expect(encodings.get(items[0] as StoredObject, now).toString()).toBe('{"name":"a"}');
  });

  it('writes any other list a row at a time', () => {
    const now = CREATED + 10 * MINUTE;
    const items = [pod('a', CREATED, 10), pod('b', CREATED, 11)];
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'Metadata', now: () => now, printer: countingPrinter(), bookmarkKind });

    expect(pieces(encoder.list(head, items))).toHaveLength(4);
  });
});

describe('JSON lists are the objects’ kept bytes', () => {
  it('writes each object’s stored JSON, made once per version', () => {
    const items = [pod('a', CREATED, 1), pod('b', CREATED, 2)];
    const encoder = jsonEncoder({ kind: 'Pod', apiVersion: 'v1' });
    const body = encoder.list({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '2' } }, items);
    const pieces = 'kept' in body ? [...body.kept] : [];
    // The first item as its JSON, each later one as its kept bytes after a comma: the same buffer every time.
    expect(pieces).toContainEqual(items[0]?.jsonBytes());
    expect(pieces).toContain(items[1]?.jsonAfterComma());
    const again = encoder.list({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '2' } }, items);
    expect('kept' in again ? [...again.kept] : []).toContain(pieces[2]);
    expect(JSON.parse(pieces.map((piece) => piece.toString()).join(''))).toEqual({
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '2' },
      items: items.map((item) => item.object),
    });
  });
});

describe('Table rows with the whole object (includeObject=Object, kubectl get --sort-by)', () => {
  const now = CREATED + 10 * MINUTE;
  const bookmarkKind = { kind: 'Pod', apiVersion: 'v1' };
  const head = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} };
  const completed = (name: string, resourceVersion: number): StoredObject => {
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', creationTimestamp: new Date(CREATED).toISOString(), resourceVersion: String(resourceVersion) },
      spec: { containers: [{ name: 'job', image: 'busybox' }] },
      status: { phase: 'Succeeded' },
    };
    return new StoredObject(`default/${name}`, resourceVersion, object);
  };
  const rowsOf = (body: EncodedBody): { text: string; parsed: { rows: Record<string, unknown>[] } } => {
    const text = [...('kept' in body ? body.kept : body.made)].map((piece) => piece.toString()).join('');
    return { text, parsed: JSON.parse(text) as { rows: Record<string, unknown>[] } };
  };

  it('writes each row as metav1.TableRow orders it: cells, conditions, object', () => {
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'Object', now: () => now, bookmarkKind });
    const items = [completed('done', 3), pod('running', CREATED, 4)];
    const { text, parsed } = rowsOf(encoder.list(head, items));
    expect(parsed.rows.map((row) => Object.keys(row))).toEqual([
      ['cells', 'conditions', 'object'],
      ['cells', 'object'],
    ]);
    expect(parsed.rows.map((row) => row.object)).toEqual(items.map((item) => item.object));
    // The object's bytes are its stored JSON, as they are: a row is its text, then the object, then its brace.
    expect(text).toContain(`"object":${items[0]?.json()}}`);
  });

  it('holds no copy of the objects: each row is followed by the object’s own kept bytes', () => {
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'Object', now: () => now, printer: countingPrinter(), bookmarkKind });
    const items = [pod('a', CREATED, 10), pod('b', CREATED, 11)];
    const body = encoder.list(head, items);
    const kept = ('kept' in body ? [...body.kept] : []).filter((piece): piece is Buffer => typeof piece !== 'string');
    // Pieces that are the object's kept bytes themselves (the same memory), not bytes equal to them.
    const sameMemory = (a: Buffer, b: Buffer): boolean => a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length;
    for (const item of items) expect(kept.filter((piece) => sameMemory(piece, item.jsonBytes()))).toHaveLength(1);
  });

  it('sends the same row in a watch event', () => {
    const encoder = tableEncoder({ type: pods, version: 'v1', includeObject: 'Object', now: () => now, bookmarkKind });
    const item = completed('done', 3);
    const event = JSON.parse(String(encoder.watchObject(item))) as { rows: Record<string, unknown>[] };
    const listed = rowsOf(encoder.list(head, [item])).parsed.rows;
    expect(event.rows).toEqual(listed);
    expect(Object.keys(event.rows[0] ?? {})).toEqual(['cells', 'conditions', 'object']);
  });
});
