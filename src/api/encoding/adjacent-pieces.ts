/**
 * Runs of byte pieces that lie one after another in one memory, as objects encoded one after another into a slab
 * do: such a run can be written as one view of that memory, without copying a byte.
 */

/** The pieces from `from` that follow one another in one memory, up to `maxBytes` or just past it: where they end, and their bytes. */
export function adjacentRun(pieces: readonly Buffer[], from: number, maxBytes = Infinity): { end: number; bytes: number } {
  const first = pieces[from] as Buffer;
  let end = from + 1;
  let bytes = first.length;
  while (end < pieces.length && bytes < maxBytes) {
    const piece = pieces[end] as Buffer;
    if (piece.buffer !== first.buffer || piece.byteOffset !== first.byteOffset + bytes) break;
    bytes += piece.length;
    end++;
  }
  return { end, bytes };
}

/** One view of the memory a run of adjacent pieces covers. */
export function viewOfRun(pieces: readonly Buffer[], from: number, bytes: number): Buffer {
  const first = pieces[from] as Buffer;
  return Buffer.from(first.buffer, first.byteOffset, bytes);
}

/** The same bytes in the fewest pieces: each run of adjacent pieces joined into one view (nothing is copied). */
export function joinAdjacent(pieces: readonly Buffer[]): Buffer[] {
  const joined: Buffer[] = [];
  for (let at = 0; at < pieces.length;) {
    const run = adjacentRun(pieces, at);
    joined.push(run.end - at === 1 ? (pieces[at] as Buffer) : viewOfRun(pieces, at, run.bytes));
    at = run.end;
  }
  return joined;
}
