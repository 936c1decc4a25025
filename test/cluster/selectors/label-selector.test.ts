import { createLabelSelector, parseLabelSelector, SelectorError, type LabelRequirement } from '../../../src/cluster/selectors/index.js';

const NAME_REGEX_ERROR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX_ERROR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end " +
  "with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is " +
  "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const SUBDOMAIN_ERROR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end " +
  "with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
  "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const GT_LT_ERROR = "for 'Gt', 'Lt' operators, the value must be an integer";

function parseError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (error) {
    if (error instanceof SelectorError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('parseLabelSelector', () => {
  test.each<[string, LabelRequirement[]]>([
    ['', []],
    ['  \t ', []],
    ['app=web', [{ key: 'app', operator: 'Equals', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'DoubleEquals', values: ['web'] }]],
    ['app!=web', [{ key: 'app', operator: 'NotEquals', values: ['web'] }]],
    ['tier in (b,a,b)', [{ key: 'tier', operator: 'In', values: ['a', 'b'] }]],
    ['tier notin (a)', [{ key: 'tier', operator: 'NotIn', values: ['a'] }]],
    ['tier in ()', [{ key: 'tier', operator: 'In', values: [''] }]],
    ['tier in (,a)', [{ key: 'tier', operator: 'In', values: ['', 'a'] }]],
    ['tier in (a,,b)', [{ key: 'tier', operator: 'In', values: ['', 'a', 'b'] }]],
    ['tier in (a,)', [{ key: 'tier', operator: 'In', values: ['', 'a'] }]],
    ['app', [{ key: 'app', operator: 'Exists', values: [] }]],
    ['!app', [{ key: 'app', operator: 'DoesNotExist', values: [] }]],
    ['replicas>3', [{ key: 'replicas', operator: 'GreaterThan', values: ['3'] }]],
    ['replicas<3', [{ key: 'replicas', operator: 'LessThan', values: ['3'] }]],
    ['app=', [{ key: 'app', operator: 'Equals', values: [''] }]],
    ['example.com/app=web', [{ key: 'example.com/app', operator: 'Equals', values: ['web'] }]],
    ['in=notin', [{ key: 'in', operator: 'Equals', values: ['notin'] }]],
    ['notin in (in,notin)', [{ key: 'notin', operator: 'In', values: ['in', 'notin'] }]],
    [
      ' a = b ,\tc\nin ( x , y ) ',
      [
        { key: 'a', operator: 'Equals', values: ['b'] },
        { key: 'c', operator: 'In', values: ['x', 'y'] },
      ],
    ],
    [
      'z=1,a=2,m',
      [
        { key: 'a', operator: 'Equals', values: ['2'] },
        { key: 'm', operator: 'Exists', values: [] },
        { key: 'z', operator: 'Equals', values: ['1'] },
      ],
    ],
  ])('parses %j into its requirements, sorted by key', (text, requirements) => {
    expect(parseLabelSelector(text).requirements).toEqual(requirements);
  });

  test('treats a NUL character after whitespace as the end of the selector, as the upstream lexer does', () => {
    expect(parseLabelSelector('a=b \0 garbage(').toString()).toBe('a=b');
  });

  test.each<[string, string]>([
    ['foo in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,=b', "found '=', expected: identifier after ','"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in', "unable to parse requirement: found '' expected: '('"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a!b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a===b', "unable to parse requirement: found '=', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (x=)', "unable to parse requirement: found '=', expected: ',' or ')'"],
    ['a in (x,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a in (x,=', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_REGEX_ERROR}`],
    ['-a=b', `unable to parse requirement: <nil>: Invalid value: "-a": name part ${NAME_REGEX_ERROR}`],
    ['a"b', `unable to parse requirement: <nil>: Invalid value: "a\\"b": name part ${NAME_REGEX_ERROR}`],
    [`${'k'.repeat(64)}=v`, `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['a\u0001=b', `unable to parse requirement: <nil>: Invalid value: "a\\x01": name part ${NAME_REGEX_ERROR}`],
    ['a\u00a0=b', `unable to parse requirement: <nil>: Invalid value: "a\\u00a0": name part ${NAME_REGEX_ERROR}`],
    // Lengths count UTF-8 bytes, as Go's len() does: 32 × "é" is 64 bytes.
    [
      `${'é'.repeat(32)}=b`,
      `unable to parse requirement: <nil>: Invalid value: "${'é'.repeat(32)}": name part must be no more than 63 characters; name part ${NAME_REGEX_ERROR}`,
    ],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; name part ${NAME_REGEX_ERROR}`],
    ['Example.com/a', `unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part ${SUBDOMAIN_ERROR}`],
    [`${'p'.repeat(254)}/a`, `unable to parse requirement: <nil>: Invalid value: "${'p'.repeat(254)}/a": prefix part must be no more than 253 characters`],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${NAME_REGEX_ERROR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ['a=-b', `unable to parse requirement: values[0][a]: Invalid value: "-b": ${VALUE_REGEX_ERROR}`],
    ['a in (ok,-b)', `unable to parse requirement: values[0][a]: Invalid value: "-b": ${VALUE_REGEX_ERROR}`],
    ['a in (ok,z-)', `unable to parse requirement: values[1][a]: Invalid value: "z-": ${VALUE_REGEX_ERROR}`],
    [`a=${'v'.repeat(64)}`, `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    ['a>x', `unable to parse requirement: values[0]: Invalid value: "x": ${GT_LT_ERROR}`],
    ['a<', `unable to parse requirement: values[0]: Invalid value: "": ${GT_LT_ERROR}`],
    ['a>99999999999999999999', `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": ${GT_LT_ERROR}`],
    ['a<-1', `unable to parse requirement: values[0][a]: Invalid value: "-1": ${VALUE_REGEX_ERROR}`],
    ['a>x-', `unable to parse requirement: [values[0]: Invalid value: "x-": ${GT_LT_ERROR}, values[0][a]: Invalid value: "x-": ${VALUE_REGEX_ERROR}]`],
  ])('rejects %j with the API server message', (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  test('throws a SelectorError, which the HTTP layer turns into 400 BadRequest', () => {
    expect(() => parseLabelSelector('a b')).toThrow(SelectorError);
  });
});

describe('LabelSelector.matches', () => {
  const labels = { app: 'web', tier: 'front', replicas: '5', empty: '' };

  test.each<[string, Record<string, string> | undefined, boolean]>([
    ['', labels, true],
    ['', undefined, true],
    ['app=web', labels, true],
    ['app=db', labels, false],
    ['missing=x', labels, false],
    ['app==web', labels, true],
    ['app!=db', labels, true],
    ['app!=web', labels, false],
    ['missing!=x', labels, true],
    ['tier in (front,back)', labels, true],
    ['tier in (back)', labels, false],
    ['missing in (front)', labels, false],
    ['tier notin (back)', labels, true],
    ['tier notin (front)', labels, false],
    ['missing notin (front)', labels, true],
    ['empty=', labels, true],
    ['empty in ()', labels, true],
    ['missing=', labels, false],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['replicas>4', labels, true],
    ['replicas>5', labels, false],
    ['replicas<6', labels, true],
    ['replicas<5', labels, false],
    ['app>1', labels, false],
    ['missing<1', labels, false],
    ['missing', undefined, false],
    ['!missing', undefined, true],
    ['app=web,tier=front', labels, true],
    ['app=web,tier=back', labels, false],
  ])('%j on %j is %s', (text, set, expected) => {
    expect(parseLabelSelector(text).matches(set)).toBe(expected);
  });

  test('does not see inherited properties as labels', () => {
    expect(parseLabelSelector('constructor').matches({})).toBe(false);
    expect(parseLabelSelector('toString!=x').matches({})).toBe(true);
  });
});

describe('LabelSelector.toString', () => {
  test.each<[string, string]>([
    ['', ''],
    ['z=1,a in (y,x),!b,c,d notin (),e>5,f<3,g==h,i!=j', 'a in (x,y),!b,c,d notin (),e>5,f<3,g==h,i!=j,z=1'],
    ['x= ,z= ', 'x=,z='],
    [' app  in(web) ', 'app in (web)'],
  ])('renders %j canonically as %j', (text, rendered) => {
    expect(parseLabelSelector(text).toString()).toBe(rendered);
  });

  test('renders text that parses back to the same selector', () => {
    const once = parseLabelSelector('tier notin (b,a),!x,example.com/app=web,n>1');
    expect(parseLabelSelector(once.toString()).requirements).toEqual(once.requirements);
  });

  test('isEmpty is true only for a selector without requirements', () => {
    expect(parseLabelSelector(' ').isEmpty()).toBe(true);
    expect(parseLabelSelector('a').isEmpty()).toBe(false);
  });
});

describe('createLabelSelector', () => {
  test('sorts requirements by key and values within a set, as Selector.Add and Requirement.String do', () => {
    const selector = createLabelSelector([
      { key: 'tier', operator: 'In', values: ['web', 'api'] },
      { key: 'app', operator: 'Equals', values: ['shop'] },
    ]);
    expect(selector.toString()).toBe('app=shop,tier in (api,web)');
    expect(selector.matches({ app: 'shop', tier: 'web' })).toBe(true);
  });
});
