import { adjacentRun, joinAdjacent } from '../../../src/api/encoding/adjacent-pieces.js';
import { type ListedEncoding, listedItems } from '../../../src/api/encoding/item-encodings.js';
import type { EncodableObject } from '../../../src/api/encoding/resource-encoder.js';

/** Objects whose encodings lie one after another in one memory, as loaded objects encoded in key order do. */
function objectsInOneSlab(names: readonly string[]): { items: EncodableObject[]; encoding: ListedEncoding; encoded: string[] } {
  const texts = names.map((name) => `,{"metadata":{"name":"${name}"}}`);
  const slab = Buffer.from(texts.join(''));
  const bytes = new Map<EncodableObject, Buffer>();
  let at = 0;
  const items = names.map((name, i) => {
    const item: EncodableObject = { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name } }, json: () => (texts[i] as string).slice(1) };
    const length = Buffer.byteLength(texts[i] as string);
    bytes.set(item, slab.subarray(at, at + length));
    at += length;
    return item;
  });
  const encoded: string[] = [];
  const encoding: ListedEncoding = {
    first: (item) => {
      encoded.push(item.object.metadata.name);
      return (bytes.get(item) as Buffer).subarray(1);
    },
    following: (item) => {
      encoded.push(item.object.metadata.name);
      return bytes.get(item) as Buffer;
    },
  };
  return { items, encoding, encoded };
}

const text = (pieces: readonly Buffer[]): string => Buffer.concat(pieces).toString();

describe('listedItems', () => {
  it('encodes the items of a frozen list once per form, as the fewest pieces of the same bytes', () => {
    const { items, encoding, encoded } = objectsInOneSlab(['a', 'b', 'c']);
    const frozen = Object.freeze([...items]);

    const first = listedItems(frozen, encoding);
    const again = listedItems(frozen, encoding);

    expect(text(first)).toBe('{"metadata":{"name":"a"}},{"metadata":{"name":"b"}},{"metadata":{"name":"c"}}');
    expect(first).toHaveLength(1);
    expect(again).toBe(first);
    expect(encoded).toEqual(['a', 'b', 'c']);
  });

  it('encodes the items of any other list each time, one piece per item', () => {
    const { items, encoding, encoded } = objectsInOneSlab(['a', 'b']);

    const pieces = listedItems(items, encoding);
    listedItems(items, encoding);

    expect(text(pieces)).toBe('{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}');
    expect(pieces).toHaveLength(2);
    expect(encoded).toEqual(['a', 'b', 'a', 'b']);
  });
});

describe('adjacent pieces', () => {
  const memory = Buffer.from('0123456789');
  const elsewhere = Buffer.from('xyz');

  it('joins the pieces that follow one another in one memory, and only those', () => {
    const pieces = [memory.subarray(0, 2), memory.subarray(2, 5), elsewhere, memory.subarray(5, 7), memory.subarray(8, 10)];

    const joined = joinAdjacent(pieces);

    expect(joined.map(String)).toEqual(['01234', 'xyz', '56', '89']);
    expect(joined[0]?.buffer).toBe(memory.buffer);
  });

  it('stops a run once it holds the bytes asked for', () => {
    const pieces = [memory.subarray(0, 3), memory.subarray(3, 6), memory.subarray(6, 9)];

    expect(adjacentRun(pieces, 0, 4)).toEqual({ end: 2, bytes: 6 });
    expect(adjacentRun(pieces, 1)).toEqual({ end: 3, bytes: 6 });
  });
});
