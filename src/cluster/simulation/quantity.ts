/**
 * The parts of resource.Quantity (apimachinery pkg/api/resource) the scheduler needs: CPU in millicores and
 * memory (or any byte count) in bytes, from strings like "100m", "2", "1.5", "128Mi", "4028852Ki", "1G", "1e3".
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function parseQuantity(text: string | number | undefined): number {
  if (text === undefined) return 0;
  if (typeof text === 'number') return text;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(text.trim());
  if (!match) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${text}`);
  const value = Number(match[1]);
  if (match[2]) return value * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  return value * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** CPU as whole millicores, rounded up as the scheduler's MilliValue() does. */
export function milliCpu(text: string | number | undefined): number {
  return Math.ceil(parseQuantity(text) * 1000 - 1e-9);
}

export function bytes(text: string | number | undefined): number {
  return Math.ceil(parseQuantity(text) - 1e-9);
}
