/**
 * The canonical text of the two quantities metrics-server builds (metrics-server pkg/storage/types.go
 * resourceUsage): cpu as `resource.NewScaledQuantity(nanocores, resource.Nano)` and memory as
 * `resource.NewQuantity(bytes, resource.BinarySI)`. apimachinery pkg/api/resource canonicalizes on output:
 * decimal amounts drop trailing zeros to an exponent that is a multiple of 3 (250000000n → 250m), binary
 * amounts of at least 1024 are divided by 1024 as long as that is exact (5242880 → 5Mi).
 */

const DECIMAL_SUFFIX: Readonly<Record<number, string>> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

/** Nanocores (a whole, non-negative number) as a canonical cpu quantity. */
export function cpuQuantity(nanocores: number): string {
  let amount = BigInt(Math.max(0, Math.round(nanocores)));
  if (amount === 0n) return '0';
  let exponent = -9;
  while (amount % 10n === 0n && exponent < 18) {
    amount /= 10n;
    exponent++;
  }
  // Back down to a multiple of 3, as int64Amount.AsCanonicalBytes does.
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  return `${amount}${DECIMAL_SUFFIX[exponent] ?? `e${exponent}`}`;
}

/** Bytes (a whole, non-negative number) as a canonical BinarySI memory quantity. */
export function memoryQuantity(bytes: number): string {
  let amount = BigInt(Math.max(0, Math.round(bytes)));
  if (amount < 1024n) return String(amount);
  let power = 0;
  while (amount % 1024n === 0n && power < BINARY_SUFFIX.length - 1) {
    amount /= 1024n;
    power++;
  }
  return `${amount}${BINARY_SUFFIX[power]}`;
}
