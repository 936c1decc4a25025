/**
 * k8s.io/apimachinery pkg/util/rand: the alphabet of generated name suffixes and controller hashes, with no vowels
 * (no words) and no 0/1/3 (no look-alikes).
 */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.String(n): `length` characters of the alphabet, each drawn from `next`, a source of floats in [0, 1). */
export function randomString(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += SAFE_ALPHANUMS[Math.floor(next() * SAFE_ALPHANUMS.length)];
  return text;
}

/** The alphabet's character for a whole number (a byte of a digest), wrapping around. */
export function safeAlphanum(n: number): string {
  return SAFE_ALPHANUMS[n % SAFE_ALPHANUMS.length] as string;
}

/** rand.SafeEncodeString: each character replaced by the alphabet's character at its code, wrapping around. */
export function safeEncodeString(text: string): string {
  let encoded = '';
  for (const ch of text) encoded += safeAlphanum(ch.charCodeAt(0));
  return encoded;
}
