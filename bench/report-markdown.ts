import { type Row, checkMet, formatTarget, formatValue, verdictOf } from './verdicts.js';

export interface RunContext {
  /** `2026-12-03T01:10:00Z` */
  date: string;
  /** `2 cores, Intel(R) Xeon(R) ..., 23.5 GiB, Linux 6.x, Node v20.20.2` */
  machine: string;
  /** The git commit measured, when known. */
  commit: string | undefined;
}

/** The results as a Markdown table, with a line per unmet target saying which and why. */
export function renderMarkdown(rows: readonly Row[], context: RunContext): string {
  const escape = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    `Measured ${context.date} on ${context.machine}${context.commit ? `, commit ${context.commit}` : ''}. One run; ratios are kubefacade / ceiling (a bare node:http server answering with the same bytes).`,
    '',
    '| measurement | cluster | kubefacade | ceiling | ratio | target | verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const verdict = verdictOf(row);
    const targets = row.checks.length === 0 ? '—' : row.checks.map(formatTarget).join('; ');
    const measured = row.checks.filter((check) => check.label !== 'ratio').map((check) => `${check.label} ${formatValue(check.value, check.unit)}`);
    const verdictText = verdict === 'NOT MET' ? `**NOT MET**${measured.length > 0 ? ` (${measured.join('; ')})` : ''}` : verdict === 'met' ? 'met' : 'info';
    lines.push(
      `| ${escape(row.measurement)} | ${row.cluster} | ${escape(row.facade)} | ${escape(row.ceiling)} | ${formatValue(row.ratio, '×')} | ${escape(targets)} | ${verdictText} |`,
    );
  }
  const unmet = rows.filter((row) => verdictOf(row) === 'NOT MET');
  lines.push('');
  if (unmet.length === 0) lines.push('Every target met.');
  else {
    lines.push(`${unmet.length} of ${rows.filter((row) => row.checks.length > 0).length} targets NOT MET:`, '');
    for (const row of unmet) {
      const failed = row.checks
        .filter((check) => !checkMet(check))
        .map((check) => `${check.label} ${formatValue(check.value, check.unit)}, target ${formatTarget(check)}`);
      lines.push(`- ${row.measurement} (${row.cluster}): ${failed.join('; ')}${row.why ? ` — ${escape(row.why)}` : ''}`);
    }
  }
  const notes = rows.filter((row) => verdictOf(row) !== 'NOT MET' && row.why !== undefined);
  if (notes.length > 0) {
    lines.push('', 'Notes:', '');
    for (const row of notes) lines.push(`- ${row.measurement} (${row.cluster}): ${escape(row.why ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}
