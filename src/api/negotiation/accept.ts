/**
 * Accept header parsing with media-type parameters and q-values (goautoneg, as used by apiserver
 * pkg/endpoints/handlers/negotiation/negotiate.go). Clauses come back in preference order.
 */
export interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
  q: number;
}

/** Distinct Accept headers kept parsed: clients send a handful (kubectl's Table one, JSON, protobuf-or-JSON, discovery's). */
const KEPT_HEADERS = 64;
const parsedHeaders = new Map<string, readonly Readonly<MediaRange>[]>();

/**
 * The header's media ranges, most preferred first. Parsed once per distinct header and shared (frozen): every
 * request of a client sends the same one, and parsing it anew was some 1.4 KB of garbage per GET.
 */
export function parseAccept(header: string | undefined): readonly Readonly<MediaRange>[] {
  if (!header) return [];
  let ranges = parsedHeaders.get(header);
  if (ranges === undefined) {
    // A client sending ever new headers cannot grow the memo: it starts over.
    if (parsedHeaders.size === KEPT_HEADERS) parsedHeaders.clear();
    ranges = Object.freeze(parseRanges(header).map((range) => Object.freeze({ ...range, params: Object.freeze(range.params) })));
    parsedHeaders.set(header, ranges);
  }
  return ranges;
}

function parseRanges(header: string): MediaRange[] {
  if (header.trim() === '') return [];
  const ranges: MediaRange[] = [];
  for (const clause of splitOutsideQuotes(header, ',')) {
    const [mediaType, ...paramParts] = clause.split(';').map((p) => p.trim());
    if (!mediaType) continue;
    const [type = '', subtype = '*'] = mediaType.toLowerCase().split('/');
    const params: Record<string, string> = {};
    let q = 1;
    for (const part of paramParts) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (key === 'q') q = Number.isNaN(Number(value)) ? 0 : Number(value);
      else params[key] = value;
    }
    ranges.push({ type, subtype, params, q });
  }
  // Stable sort by q; equal q keeps the client's order (goautoneg also prefers more specific types).
  return ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => b.range.q - a.range.q || specificity(b.range) - specificity(a.range) || a.index - b.index)
    .map(({ range }) => range)
    .filter((range) => range.q > 0);
}

function specificity(range: MediaRange): number {
  if (range.type === '*') return 0;
  if (range.subtype === '*') return 1;
  return 2;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function matchesType(range: MediaRange, type: string, subtype: string): boolean {
  return (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype);
}
