import { renderMarkdown } from '../../bench/report-markdown.js';
import { renderSvg } from '../../bench/report-svg.js';
import { type Check, checkMet, formatBytes, formatValue, ratioOf, type Row, verdictOf } from '../../bench/verdicts.js';

const row = (checks: Check[], extra: Partial<Row> = {}): Row => ({
  measurement: 'full pod LIST (JSON)',
  cluster: '150,000 pods',
  facade: '900 ms',
  ceiling: '600 ms',
  ratio: 1.5,
  checks,
  ...extra,
});

describe('bench verdicts', () => {
  it.each([
    [{ label: 'ratio', value: 1.2, limit: 1.3, unit: '×' }, true],
    [{ label: 'ratio', value: 1.3, limit: 1.3, unit: '×' }, true],
    [{ label: 'ratio', value: 1.31, limit: 1.3, unit: '×' }, false],
    [{ label: 'errors', value: 0, limit: 0, unit: '' }, true],
    [{ label: 'errors', value: 1, limit: 0, unit: '' }, false],
    [{ label: 'p99', value: undefined, limit: 5, unit: 'ms' }, false],
    [{ label: 'p99', value: Number.NaN, limit: 5, unit: 'ms' }, false],
  ])('%j is met: %s', (check, met) => {
    expect(checkMet(check)).toBe(met);
  });

  it('calls a row met when every check is, NOT MET when one is not, and info without checks', () => {
    const met: Check = { label: 'ratio', value: 1, limit: 2, unit: '×' };
    const unmet: Check = { label: 'p99', value: 9, limit: 5, unit: 'ms' };
    expect([verdictOf(row([met])), verdictOf(row([met, unmet])), verdictOf(row([]))]).toEqual(['met', 'NOT MET', 'info']);
  });

  it.each([
    [900, 600, 1.5],
    [900, 0, undefined],
    [undefined, 600, undefined],
    [900, undefined, undefined],
  ])('the ratio of %s to %s is %s', (facade, ceiling, expected) => {
    expect(ratioOf(facade, ceiling)).toBe(expected);
  });

  it.each([
    [1.234, '×', '1.23×'],
    [3.456, 'ms', '3.46 ms'],
    [345.6, 'ms', '346 ms'],
    [12.34, 's', '12.3 s'],
    [150000, '', '150,000'],
    [undefined, 'ms', '—'],
  ])('formats %s %s as %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('formats bytes in binary units', () => {
    expect([formatBytes(512), formatBytes(3 * 2 ** 20), formatBytes(1.5 * 2 ** 30)]).toEqual(['0.5 KiB', '3.0 MiB', '1.50 GiB']);
  });
});

describe('bench reports', () => {
  const rows: Row[] = [
    row([{ label: 'ratio', value: 1.5, limit: 1.3, unit: '×' }]),
    row([{ label: 'start', value: undefined, limit: 10, unit: 's' }], {
      measurement: 'start time',
      facade: 'failed',
      why: 'server failed to start: Maximum call stack size exceeded',
    }),
    row([], { measurement: 'kubectl get pods -A', ratio: 2 }),
    row([{ label: 'p99', value: 2, limit: 5, unit: 'ms' }], { measurement: 'GET one pod', ratio: 1.1 }),
  ];

  it('writes a Markdown table with a verdict per row and says which targets are not met and why', () => {
    const markdown = renderMarkdown(rows, { date: '2026-12-03T01:00:00Z', machine: '2 cores', commit: 'abc1234' });
    expect(markdown).toContain('| measurement | cluster | kubefacade | ceiling | ratio | target | verdict |');
    expect(markdown).toContain('| full pod LIST (JSON) | 150,000 pods | 900 ms | 600 ms | 1.50× | ratio ≤ 1.30× | **NOT MET** |');
    expect(markdown).toContain('| GET one pod | 150,000 pods | 900 ms | 600 ms | 1.10× | p99 ≤ 5.00 ms | met |');
    expect(markdown).toContain('| kubectl get pods -A | 150,000 pods | 900 ms | 600 ms | 2.00× | — | info |');
    expect(markdown).toContain('2 of 3 targets NOT MET');
    expect(markdown).toContain('- start time (150,000 pods): start —, target start ≤ 10.0 s — server failed to start: Maximum call stack size exceeded');
  });

  it('says so when every target is met', () => {
    expect(renderMarkdown([rows[3] as Row], { date: 'd', machine: 'm', commit: undefined })).toContain('Every target met.');
  });

  it('draws one bar per check against its target line, escaping text, as a self-contained SVG', () => {
    const svg = renderSvg([...rows, row([{ label: 'ratio', value: 0.5, limit: 1, unit: '×' }], { measurement: 'a <b> & "c"' })], 'bench');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(4);
    expect(svg).toContain('not measured: NOT MET');
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toMatch(/href=|<script/);
  });
});
