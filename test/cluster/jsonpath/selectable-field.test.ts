import { JsonPathError, selectableField, selectableFieldValue } from '../../../src/cluster/jsonpath/index.js';

const shirt = {
  apiVersion: 'stable.example.com/v1',
  kind: 'Shirt',
  metadata: { name: 'red-large' },
  spec: { color: 'red', size: 'large', sleeves: 2, weight: 0.25, ironed: false, tags: ['a', 'b'], empty: null },
};

describe('a custom resource selectable field', () => {
  it.each<[string, string]>([
    ['.spec.color', 'red'],
    ['.spec.sleeves', '2'],
    ['.spec.weight', '0.25'],
    ['.spec.ironed', 'false'],
    ['.spec.missing', ''],
    ['.status.phase', ''],
    ['.spec.empty', ''],
    ['.spec.tags', '[a b]'],
    ['.spec.tags[1]', 'b'],
  ])('%s is %j', (jsonPath, expected) => {
    expect(selectableFieldValue(shirt, jsonPath)).toBe(expected);
  });

  it('is named by its path without the leading dot', () => {
    expect(selectableField('.spec.color').name).toBe('spec.color');
  });

  it.each<[string, string]>([
    ['.spec.tags[*]', 'unexpectedly received more than one JSON path result'],
    ['.spec.tags[5]', 'unexpected error finding value with jsonPath: array index out of bounds: index 5, length 2'],
    ['.spec.color[', 'unexpected error parsing jsonPath: unterminated array'],
  ])('%s fails: %s', (jsonPath, message) => {
    const field = selectableField(jsonPath);
    expect(() => field.valueOf(shirt)).toThrow(JsonPathError);
    expect(() => field.valueOf(shirt)).toThrow(message);
  });
});
