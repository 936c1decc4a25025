import { cpuQuantity, memoryQuantity } from '../../../../src/cluster/simulation/metrics/index.js';

describe('metrics quantities are rendered in canonical form', () => {
  test.each([
    [0, '0'],
    [136_691_925, '136691925n'],
    [250_000_000, '250m'],
    [5_000_000, '5m'],
    [1_500_000_000, '1500m'],
    [2_000_000_000, '2'],
    [120_000, '120u'],
    [10, '10n'],
  ])('cpu of %d nanocores is %s', (nanocores, text) => {
    expect(cpuQuantity(nanocores)).toBe(text);
  });

  test.each([
    [0, '0'],
    [512, '512'],
    [1_048_576, '1Mi'],
    [5_242_880, '5Mi'],
    [1_835_462_656, '1792444Ki'],
    [1_073_741_824, '1Gi'],
    [1_048_577, '1048577'],
  ])('memory of %d bytes is %s', (bytes, text) => {
    expect(memoryQuantity(bytes)).toBe(text);
  });
});
