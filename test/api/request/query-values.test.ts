import { ApiError } from '../../../src/api/errors/api-error.js';
import { queryBool, queryInt } from '../../../src/api/request/query-values.js';

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

describe('an integer query parameter, as the API server converts it', () => {
  test.each([
    [undefined, undefined],
    ['0', 0],
    ['500', 500],
    ['-1', -1],
    ['+7', 7],
  ])('%j is %j', (value, expected) => {
    expect(queryInt(value)).toBe(expected);
  });

  test.each(['abc', '', '1.5', '10s'])('%j is a 400 in strconv.ParseInt words', (value) => {
    let error: unknown;
    try {
      queryInt(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toStatus()).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`,
    });
  });
});
