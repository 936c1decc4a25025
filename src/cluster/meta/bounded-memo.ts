/**
 * `make` as a function that makes each key's value once and keeps it: for what a cluster computes from a few
 * distinct keys for every object (an image's digest, a quantity's text, a second's timestamp). At most `limit`
 * values are kept; past it they are all forgotten at once, so a long run of distinct keys costs no more memory.
 */
export function boundedMemo<K, V>(make: (key: K) => V, limit = 10_000): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
