import { escapeFieldValue, parseFieldSelector, SelectorError, type FieldRequirement } from '../../../src/cluster/selectors/index.js';

function parseError(text: string): string {
  try {
    parseFieldSelector(text);
  } catch (error) {
    if (error instanceof SelectorError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('parseFieldSelector', () => {
  test.each<[string, FieldRequirement[]]>([
    ['', []],
    [',,', []],
    ['metadata.name=web', [{ field: 'metadata.name', operator: 'Equals', value: 'web' }]],
    ['metadata.name==web', [{ field: 'metadata.name', operator: 'DoubleEquals', value: 'web' }]],
    ['status.phase!=Running', [{ field: 'status.phase', operator: 'NotEquals', value: 'Running' }]],
    ['spec.nodeName=', [{ field: 'spec.nodeName', operator: 'Equals', value: '' }]],
    ['=x', [{ field: '', operator: 'Equals', value: 'x' }]],
    ['a=!b', [{ field: 'a', operator: 'Equals', value: '!b' }]],
    ['a!b=c', [{ field: 'a!b', operator: 'Equals', value: 'c' }]],
    ['a=x\\,y', [{ field: 'a', operator: 'Equals', value: 'x,y' }]],
    ['a=x\\=y', [{ field: 'a', operator: 'Equals', value: 'x=y' }]],
    ['a=x\\\\y', [{ field: 'a', operator: 'Equals', value: 'x\\y' }]],
    ['a\\,b=c', [{ field: 'a\\,b', operator: 'Equals', value: 'c' }]],
    [
      'b=2,,a=1,',
      [
        { field: 'a', operator: 'Equals', value: '1' },
        { field: 'b', operator: 'Equals', value: '2' },
      ],
    ],
  ])('parses %j into its terms, sorted as text', (text, requirements) => {
    expect(parseFieldSelector(text).requirements).toEqual(requirements);
  });

  test.each<[string, string]>([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['b=1,foo', "invalid selector: 'b=1,foo'; can't understand 'foo'"],
    // Terms are sorted before parsing, so the first bad one in text order is the one named.
    ['z,a', "invalid selector: 'z,a'; can't understand 'a'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a==b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j with the API server message', (text, message) => {
    expect(parseError(text)).toBe(message);
  });
});

describe('FieldSelector.matches', () => {
  const fields = { 'metadata.name': 'web-1', 'status.phase': 'Running', 'spec.nodeName': '' };

  test.each<[string, boolean]>([
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name=web-2', false],
    ['status.phase!=Failed', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['status.podIP=', true],
    ['status.podIP!=', false],
    ['status.podIP=10.0.0.1', false],
    ['metadata.name=web-1,status.phase=Running', true],
    ['metadata.name=web-1,status.phase=Failed', false],
  ])('%j is %s (a field missing from the set reads as "")', (text, expected) => {
    expect(parseFieldSelector(text).matches(fields)).toBe(expected);
  });

  test('compares unescaped values', () => {
    expect(parseFieldSelector('reason=a\\,b\\=c').matches({ reason: 'a,b=c' })).toBe(true);
  });
});

describe('FieldSelector.requiredValue', () => {
  test.each<[string, string, string | undefined]>([
    ['metadata.name=web', 'metadata.name', 'web'],
    ['metadata.name==web', 'metadata.name', 'web'],
    ['metadata.name!=web', 'metadata.name', undefined],
    ['spec.nodeName=', 'spec.nodeName', ''],
    ['metadata.namespace=b,metadata.namespace=a', 'metadata.namespace', 'a'],
    ['status.phase=Running', 'metadata.name', undefined],
  ])('in %j the value %j requires is %j', (text, field, value) => {
    expect(parseFieldSelector(text).requiredValue(field)).toBe(value);
  });
});

describe('FieldSelector.toString', () => {
  test.each<[string, string]>([
    ['', ''],
    ['b!=2,a==1', 'a=1,b!=2'],
    ['a=x\\,y\\=z\\\\', 'a=x\\,y\\=z\\\\'],
    [',metadata.name=web,', 'metadata.name=web'],
  ])('renders %j as %j', (text, rendered) => {
    expect(parseFieldSelector(text).toString()).toBe(rendered);
  });

  test('escapes exactly backslash, comma and equals', () => {
    expect(escapeFieldValue('a\\b,c=d!e')).toBe('a\\\\b\\,c\\=d!e');
  });

  test('isEmpty is true only without terms', () => {
    expect(parseFieldSelector(',').isEmpty()).toBe(true);
    expect(parseFieldSelector('a=').isEmpty()).toBe(false);
  });
});
