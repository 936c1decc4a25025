import {
  formatQuantity,
  kibibytesText,
  mustParseQuantity,
  newNanoQuantity,
  newQuantity,
  parseQuantity,
  type Quantity,
  quantityMilliValue,
  quantityText,
  quantityValue,
  sumQuantities,
} from '../../../src/cluster/meta/index.js';

const canonical = (text: string): string => formatQuantity(parseQuantity(text) as Quantity);

describe('quantities are printed in the canonical form apimachinery stores (resource.Quantity.String)', () => {
  it.each([
    ['250000000n', '250m'],
    ['112373964n', '112373964n'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.1', '100m'],
    ['0.001', '1m'],
    ['0.0001', '100u'],
    ['2', '2'],
    ['1500', '1500'],
    ['2000', '2k'],
    ['1001', '1001'],
    ['1M', '1M'],
    ['0.1M', '100k'],
    ['1048576Ki', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1023Ki', '1023Ki'],
    ['1386648Ki', '1386648Ki'],
    ['1.5Gi', '1536Mi'],
    ['1.5Ki', '1536'],
    ['512', '512'],
    ['1Ki', '1Ki'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    ['1E6', '1e6'],
    ['12e2', '1200'],
    ['-100m', '-100m'],
    ['+1Ki', '1Ki'],
    ['0', '0'],
    ['0n', '0'],
    ['0Mi', '0'],
  ])('prints %s as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('rounds precision finer than a nano-unit up, as ParseQuantity does', () => {
    expect(canonical('0.0000000001')).toBe('1n');
  });

  it.each(['', 'abc', '1Qi', '1.2.3', '1KiB', '1ki', 'Ki', 'e3', '1e1.0'])('refuses %p', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('throws the API server message for a quantity that must parse', () => {
    expect(() => mustParseQuantity('1Qi')).toThrow("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': 1Qi");
    expect(formatQuantity(mustParseQuantity(undefined))).toBe('0');
  });

  it('sums in the format of the first term', () => {
    const terms = ['1m', '2m', '250000000n'].map((t) => parseQuantity(t) as Quantity);
    expect(formatQuantity(sumQuantities(terms))).toBe('253m');
    const memory = ['5Mi', '3Mi'].map((t) => parseQuantity(t) as Quantity);
    expect(formatQuantity(sumQuantities(memory))).toBe('8Mi');
    expect(formatQuantity(sumQuantities([]))).toBe('0');
  });
});

describe('Value and MilliValue round up', () => {
  it.each([
    ['100m', 100, 1],
    ['1.5', 1500, 2],
    ['2', 2000, 2],
    ['1Ki', 1_024_000, 1024],
    ['128Mi', 134_217_728_000, 134_217_728],
    ['1n', 1, 1],
    [0.25, 250, 1],
    [3, 3000, 3],
  ])('%p is %d millis and %d units', (value, millis, units) => {
    expect(quantityMilliValue(value)).toBe(millis);
    expect(quantityValue(value)).toBe(units);
  });
});

describe('quantities built as metrics-server builds them', () => {
  it.each([
    [0, '0'],
    [136_691_925, '136691925n'],
    [250_000_000, '250m'],
    [5_000_000, '5m'],
    [1_500_000_000, '1500m'],
    [2_000_000_000, '2'],
    [120_000, '120u'],
    [10, '10n'],
  ])('cpu of %d nanocores (NewScaledQuantity(n, Nano)) is %s', (nanocores, text) => {
    expect(formatQuantity(newNanoQuantity(nanocores))).toBe(text);
  });

  it.each([
    [0, '0'],
    [512, '512'],
    [1000, '1k'],
    [1_048_576, '1Mi'],
    [5_242_880, '5Mi'],
    [1_835_462_656, '1792444Ki'],
    [1_073_741_824, '1Gi'],
    [1_048_577, '1048577'],
  ])('memory of %d bytes (NewQuantity(n, BinarySI)) is %s', (bytes, text) => {
    expect(formatQuantity(newQuantity(bytes, 'BinarySI'))).toBe(text);
  });
});

describe('machine memory as the kubelet reports it', () => {
  it.each([
    [16 * 2 ** 30, '16Gi'],
    [3_880_524 * 1024, '3880524Ki'],
    [17_811_456 * 1024, '17394Mi'],
    [100 * 2 ** 30 - 100 * 2 ** 20, '102300Mi'],
    [3_880_524 * 1024 + 1000, '3880524Ki'],
  ])('%d bytes are %s', (bytes, text) => {
    expect(kibibytesText(bytes)).toBe(text);
  });
});

describe('a quantity field as printers show it', () => {
  it.each([
    [undefined, '0'],
    [null, '0'],
    [10, '10'],
    ['1024Mi', '1Gi'],
    ['not-a-quantity', 'not-a-quantity'],
  ])('%p reads %s', (value, text) => {
    expect(quantityText(value)).toBe(text);
  });
});
