/**
 * Reading what `kubectl get` prints: its rows, their cells, and kubectl's short durations (`95s`, `3m20s`,
 * `59m`, `2d3h`) as milliseconds, for the live suites, which assert on the story rather than on exact text.
 */

/** The lines printed, without the empty string after the last newline. */
export const rows = (text: string): string[] => text.split('\n').slice(0, -1);

/** The cells of a printed row: kubectl pads columns with spaces; the cells these suites read hold none. */
export const cells = (row: string): string[] => row.trim().split(/ +/);

/** Rows printed after `before` (an earlier stdout of the same kubectl). */
export const rowsAfter = (stdout: string, before: string): string[] => rows(stdout.slice(before.length));

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };

/** kubectl's HumanDuration (`95s`, `3m20s`, `2d3h`) in milliseconds; throws on anything else (`<invalid>`). */
export function parseAge(age: string): number {
  if (!/^(\d+[smhdy])+$/.test(age)) throw new Error(`"${age}" is not a kubectl age`);
  let total = 0;
  for (const [, amount, unit] of age.matchAll(/(\d+)([smhdy])/g)) total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0);
  return total;
}
