import { formatGoFloat, goJsonMarshal, goSprint, printResults } from '../../../src/cluster/jsonpath/index.js';

describe('printResults', () => {
  it.each<[string, unknown[], string]>([
    ['strings as they are, space-separated', ['a b', 'c'], 'a b c'],
    ['whole numbers as int64', [3, -7, 0, 2 ** 53], '3 -7 0 9007199254740992'],
    ['other numbers as fmt prints a float64', [2.5, 0.1, -1.25], '2.5 0.1 -1.25'],
    ['booleans', [true, false], 'true false'],
    ['a JSON null as null', [null], 'null'],
    ['maps as compact JSON with sorted keys', [{ b: 1, a: [true, null], C: 'x' }], '{"C":"x","a":[true,null],"b":1}'],
    ['slices as compact JSON', [[1, 'two', { z: 2.5 }]], '[1,"two",{"z":2.5}]'],
    ['nothing as nothing', [], ''],
  ])('prints %s', (_name, results, expected) => {
    expect(printResults(results)).toBe(expected);
  });
});

describe("Go's %v of a float64", () => {
  it.each<[number, string]>([
    [2.5, '2.5'],
    [123456.7, '123456.7'],
    [1234567.5, '1.2345675e+06'],
    [1e6, '1e+06'],
    [1e21, '1e+21'],
    [1.5e300, '1.5e+300'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-0.000012, '-1.2e-05'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0, '0'],
  ])('prints %d as %s', (value, expected) => {
    expect(formatGoFloat(value)).toBe(expected);
  });

  it('prints numbers beyond int64 as floats', () => {
    expect(printResults([2 ** 63, 1e21])).toBe('9.223372036854776e+18 1e+21');
  });
});

describe("Go's json.Marshal", () => {
  it.each<[unknown, string]>([
    [{ a: '<b>&c' }, '{"a":"\\u003cb\\u003e\\u0026c"}'],
    [{ '<k>': 1 }, '{"\\u003ck\\u003e":1}'],
    ['line\u2028sep\u2029', '"line\\u2028sep\\u2029"'],
    ['tab\tquote"back\\slash\u0001', '"tab\\tquote\\"back\\\\slash\\u0001"'],
    [{ z: 1, é: 2, a: 3, B: 4 }, '{"B":4,"a":3,"z":1,"é":2}'],
    [{ '10': 'x', '9': 'y' }, '{"10":"x","9":"y"}'],
    [[1e-7, 1.5e21, 2.5], '[1e-7,1.5e+21,2.5]'],
    [{ a: undefined, b: null }, '{"b":null}'],
  ])('marshals %j as %s', (value, expected) => {
    expect(goJsonMarshal(value)).toBe(expected);
  });
});

describe("Go's fmt.Sprint", () => {
  it.each<[unknown, string]>([
    ['red', 'red'],
    [42, '42'],
    [2.5, '2.5'],
    [true, 'true'],
    [null, '<nil>'],
    [[1, 'a', [true]], '[1 a [true]]'],
    [{ b: 'x', a: { c: 1 } }, 'map[a:map[c:1] b:x]'],
  ])('prints %j as %s', (value, expected) => {
    expect(goSprint(value)).toBe(expected);
  });
});
