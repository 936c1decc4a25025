import { type Row, checkMet, formatTarget, formatValue } from './verdicts.js';

const WIDTH = 900;
const LABEL_WIDTH = 430;
const BAR_HEIGHT = 16;
const GAP = 6;
/** Bars are drawn to 3× their target; beyond that they are clipped and marked. */
const SCALE_MAX = 3;

const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A self-contained SVG: for every target, a bar of the measured value as a fraction of its limit, the limit as a
 * vertical line at 1. Green when met, red when not, grey hatching when it could not be measured.
 */
export function renderSvg(rows: readonly Row[], title: string): string {
  const bars = rows.flatMap((row) => row.checks.map((check) => ({ row, check })));
  const plotLeft = LABEL_WIDTH + 10;
  const plotWidth = WIDTH - plotLeft - 20;
  const top = 50;
  const height = top + bars.length * (BAR_HEIGHT + GAP) + 40;
  const x = (fraction: number): number => plotLeft + (Math.min(fraction, SCALE_MAX) / SCALE_MAX) * plotWidth;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="10" y="40" fill="#555">measured / target (the line at 1 is the target; bars clipped at ${SCALE_MAX}×)</text>`,
  ];
  bars.forEach(({ row, check }, i) => {
    const y = top + i * (BAR_HEIGHT + GAP);
    const label = `${row.measurement} (${row.cluster}): ${check.label}`;
    parts.push(
      `<text x="${LABEL_WIDTH}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${escapeXml(label.length > 70 ? `${label.slice(0, 69)}…` : label)}</text>`,
    );
    if (check.value === undefined || !Number.isFinite(check.value)) {
      parts.push(`<rect x="${plotLeft}" y="${y}" width="${plotWidth}" height="${BAR_HEIGHT}" fill="#eeeeee" stroke="#c62828" stroke-dasharray="4 3"/>`);
      parts.push(`<text x="${plotLeft + 6}" y="${y + BAR_HEIGHT - 4}" fill="#c62828">not measured: NOT MET</text>`);
      return;
    }
    const fraction = check.limit > 0 ? check.value / check.limit : check.value > 0 ? SCALE_MAX : 0;
    const met = checkMet(check);
    parts.push(
      `<rect x="${plotLeft}" y="${y}" width="${Math.max(1, x(fraction) - plotLeft).toFixed(1)}" height="${BAR_HEIGHT}" fill="${met ? '#2e7d32' : '#c62828'}"/>`,
    );
    const text = `${formatValue(check.value, check.unit)} (${formatTarget(check)})${fraction > SCALE_MAX ? ' »' : ''}`;
    const inside = fraction > 1.6;
    parts.push(
      `<text x="${(inside ? plotLeft + 6 : x(fraction) + 6).toFixed(1)}" y="${y + BAR_HEIGHT - 4}" fill="${inside ? '#ffffff' : '#222'}">${escapeXml(text)}</text>`,
    );
  });
  const bottom = top + bars.length * (BAR_HEIGHT + GAP);
  parts.push(`<line x1="${x(1)}" y1="${top - 4}" x2="${x(1)}" y2="${bottom}" stroke="#000" stroke-width="1.5"/>`);
  for (const tick of [0, 1, 2, 3]) parts.push(`<text x="${x(tick)}" y="${bottom + 16}" text-anchor="middle" fill="#555">${tick}×</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
