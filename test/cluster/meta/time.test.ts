import { formatGoDurationMs, rfc3339, rfc3339Micro, rfc3339Nano } from '../../../src/cluster/meta/index.js';

describe('timestamps as the API server sends them', () => {
  const at = Date.parse('2026-01-01T12:00:00.250Z');

  it('metav1.Time is RFC 3339 to the second, truncated', () => {
    expect(rfc3339(Date.parse('2026-01-01T12:00:00.999Z'))).toBe('2026-01-01T12:00:00Z');
    expect(rfc3339(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('gives each second its own text whatever order the instants come in (the last one is kept)', () => {
    const seconds = ['2026-01-01T12:00:01Z', '2026-01-01T12:00:01Z', '2026-01-01T12:00:00Z', '2026-01-01T12:00:01Z', '2026-01-02T00:00:00Z'];
    for (const text of seconds) expect(rfc3339(Date.parse(text) + 400)).toBe(text);
  });

  it('metav1.MicroTime carries microseconds', () => {
    expect(rfc3339Micro(at)).toBe('2026-01-01T12:00:00.250000Z');
    expect(rfc3339Micro(at, 17)).toBe('2026-01-01T12:00:00.250017Z');
  });

  it('a runtime log stamp carries nanoseconds', () => {
    expect(rfc3339Nano(at, 42)).toBe('2026-01-01T12:00:00.250000042Z');
    expect(rfc3339Nano(at, 999_999)).toBe('2026-01-01T12:00:00.250999999Z');
  });
});

describe('durations as Go prints them', () => {
  it.each([
    [0, '0s'],
    [834, '834ms'],
    [1200, '1.2s'],
    [65_020, '1m5.02s'],
    [3_600_000, '1h0m0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatGoDurationMs(ms)).toBe(text);
  });
});
