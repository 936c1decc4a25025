import { withDurationStability, humanDuration, translateTimestampSince } from '../../../src/api/printing/human-duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('HumanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1.5 * S, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [999, '0s'],
    [59 * S, '59s'],
    [92 * S, '92s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [2 * M + 5 * S, '2m5s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 30 * S, '10m'],
    [62 * M, '62m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 2 * M, '3h2m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [2 * D + 2 * H, '2d2h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [364 * D, '364d'],
    [729 * D + 23 * H, '729d'],
    [2 * Y, '2y'],
    [2 * Y + D, '2y1d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [10 * Y + 100 * D, '10y'],
  ])('renders %d ms as %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('measures the age of a timestamp from now', () => {
    expect(translateTimestampSince('2026-01-01T10:58:00Z', now)).toBe('62m');
  });

  it('accepts micro-time timestamps', () => {
    expect(translateTimestampSince('2026-01-01T11:59:30.123456Z', now)).toBe('29s');
  });

  it.each([undefined, null, ''])('says <unknown> for the zero timestamp %p', (timestamp) => {
    expect(translateTimestampSince(timestamp, now)).toBe('<unknown>');
  });
});

describe('withDurationStability', () => {
  /** Durations spread over every format: seconds, minutes, hours, days, years. */
  const samples: number[] = [];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 3000; i++) samples.push(Math.floor(random() ** 4 * 10 * 365 * 24 * 3600 * 1000));

  it('says how long the text stays the same: unchanged just before, changed exactly at the end', () => {
    for (const ms of samples) {
      const { value, stableForMs } = withDurationStability(() => humanDuration(ms));
      expect(stableForMs).toBeGreaterThan(0);
      expect(humanDuration(ms + stableForMs - 1)).toBe(value);
      if (ms < 8 * 365 * 24 * 3600 * 1000) expect(humanDuration(ms + stableForMs)).not.toBe(value);
    }
  });

  it('takes the least over every duration rendered, and nests', () => {
    const outer = withDurationStability(() => {
      humanDuration(5 * 24 * 3600 * 1000 + 1000); // 5d: an hour less a second
      const inner = withDurationStability(() => humanDuration(30_500)); // 30s: half a second
      expect(inner.stableForMs).toBe(500);
      return 'row';
    });
    expect(outer).toEqual({ value: 'row', stableForMs: 500 });
    expect(withDurationStability(() => 'no duration').stableForMs).toBe(Infinity);
  });

  it('never reuses a negative duration (a clock skew)', () => {
    expect(withDurationStability(() => humanDuration(-500)).stableForMs).toBe(0);
  });
});
