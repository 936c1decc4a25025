import { queryBool } from '../../../src/api/request/query-bool.js';

describe('a boolean query parameter, as the API server converts it', () => {
  test.each([
    [undefined, false],
    ['0', false],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['1', true],
    ['true', true],
    ['True', true],
    ['', true],
    ['yes', true],
    ['maybe', true],
  ])('%j is %s', (value, expected) => {
    expect(queryBool(value)).toBe(expected);
  });
});
