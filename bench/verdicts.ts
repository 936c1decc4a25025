/** One row of the benchmark's table: what was measured, the figures, and whether each target holds. */
export interface Row {
  /** What was measured, as the issue names it. */
  measurement: string;
  /** The cluster it was measured on: `150,000 pods`. */
  cluster: string;
  /** Kubefacade's absolute figure, formatted (`812 ms`, `1.4 GiB`), or `—`. */
  facade: string;
  /** The ceiling's absolute figure, formatted, or `—` where there is none. */
  ceiling: string;
  /** facade / ceiling, when both were measured. */
  ratio: number | undefined;
  checks: Check[];
  /** Why a check could not be made or failed, when known (the server's stderr, an error). */
  why?: string;
}

/** One target: a measured value that must stay at or below a limit. A row with no checks is information only. */
export interface Check {
  /** `ratio`, `p99`, `× 15,000-pod cost`: what the limit applies to. */
  label: string;
  /** Undefined when it could not be measured: the check is then not met. */
  value: number | undefined;
  limit: number;
  /** How `value` and `limit` are printed: `×`, `ms`, `s`, `GiB`, or `` for counts. */
  unit: string;
}

export type Verdict = 'met' | 'NOT MET' | 'info';

export function checkMet(check: Check): boolean {
  return check.value !== undefined && Number.isFinite(check.value) && check.value <= check.limit;
}

export function verdictOf(row: Row): Verdict {
  if (row.checks.length === 0) return 'info';
  return row.checks.every(checkMet) ? 'met' : 'NOT MET';
}

/** facade / ceiling, undefined unless both are positive numbers. */
export function ratioOf(facade: number | undefined, ceiling: number | undefined): number | undefined {
  if (facade === undefined || ceiling === undefined || !(ceiling > 0) || !Number.isFinite(facade)) return undefined;
  return facade / ceiling;
}

/** `≤ 1.3×`, `< 5 ms`: a check's target as the issue writes it. */
export function formatTarget(check: Check): string {
  return `${check.label} ≤ ${formatValue(check.limit, check.unit)}`;
}

export function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case '×':
      return `${value.toFixed(2)}×`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
    case 's':
      return `${value.toFixed(1)} s`;
    case 'GiB':
      return `${value.toFixed(2)} GiB`;
    case '%':
      return `${value.toFixed(1)} %`;
    default:
      return `${Math.round(value).toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`;
  }
}

export function formatMs(ms: number | undefined): string {
  return formatValue(ms, 'ms');
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GiB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
