import { JsonPathError, type JsonPathNode, type ListNode, parseJsonPath } from '../../../src/cluster/jsonpath/index.js';

/** Vectors re-expressed from client-go util/jsonpath/parser_test.go, as trees instead of flattened node names. */

const list = (...nodes: JsonPathNode[]): ListNode => ({ type: 'list', nodes });
const text = (value: string): JsonPathNode => ({ type: 'text', text: value });
const field = (name: string): JsonPathNode => ({ type: 'field', name });
const identifier = (name: string): JsonPathNode => ({ type: 'identifier', name });
const int = (value: number): JsonPathNode => ({ type: 'int', value });
const float = (value: number): JsonPathNode => ({ type: 'float', value });
const bool = (value: boolean): JsonPathNode => ({ type: 'bool', value });
const wildcard: JsonPathNode = { type: 'wildcard' };
const recursive: JsonPathNode = { type: 'recursive' };
const filter = (left: ListNode, operator: string, right: ListNode = list()): JsonPathNode => ({ type: 'filter', left, right, operator });
const union = (...branches: ListNode[]): JsonPathNode => ({ type: 'union', branches });
type Param = [value: number, known: boolean, derived: boolean];
const array = (...params: [Param, Param, Param]): JsonPathNode => ({
  type: 'array',
  params: params.map(([value, known, derived]) => ({ value, known, derived })) as never,
});
const UNKNOWN: Param = [0, false, false];

function parseError(template: string): string {
  try {
    parseJsonPath(template);
  } catch (error) {
    if (error instanceof JsonPathError) {
      expect(error.phase).toBe('parse');
      return error.message;
    }
    throw error;
  }
  throw new Error(`expected ${template} not to parse`);
}

describe('parseJsonPath', () => {
  it.each<[string, string, JsonPathNode[]]>([
    ['plain text', 'hello jsonpath', [text('hello jsonpath')]],
    ['a field after text', 'hello {.jsonpath}', [text('hello '), list(field('jsonpath'))]],
    ['a bracketed key', "hello {['jsonpath']}", [text('hello '), list(field('jsonpath'))]],
    ['a quoted brace', '{"{"}', [list(text('{'))]],
    ['a slice', '{[1:3]}', [list(array([1, true, false], [3, true, false], UNKNOWN))]],
    ['every element', '{.book[*].author}', [list(field('book'), array(UNKNOWN, UNKNOWN, UNKNOWN), field('author'))]],
    ['a wildcard', '{.bicycle.*}', [list(field('bicycle'), wildcard)]],
    ['a comparison filter', '{[?(@.price<3)]}', [list(filter(list(field('price')), '<', list(int(3))))]],
    ['a recursive descent', '{..}', [list(recursive)]],
    ['a recursive field', '{..price}', [list(recursive, field('price'))]],
    ['a recursive field through three dots', '{...price}', [list(recursive, field('price'))]],
    ['a dotted bracketed key, which is two fields', "{['book.price']}", [list(field('book'), field('price'))]],
    [
      'a union',
      "{['bicycle.price', 3, 'book.price']}",
      [list(union(list(field('bicycle'), field('price')), list(array([3, true, false], [4, true, true], UNKNOWN)), list(field('book'), field('price'))))],
    ],
    ['a range', '{range .items}{.name},{end}', [list(identifier('range'), field('items')), list(field('name')), text(','), list(identifier('end'))]],
    [
      'parentheses in a quoted operand',
      '{[?(@.status.nodeInfo.osImage == "()")]}',
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text('()'))))],
    ],
    [
      'escaped double quotes',
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text('("")'))))],
    ],
    ['unbalanced parentheses in quotes', '{[?(@.test == "())(")]}', [list(filter(list(field('test')), '==', list(text('())('))))]],
    [
      'a single-quoted operand',
      "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text('Linux'))))],
    ],
    [
      'braces in a filter operand',
      '{[?(@.status.nodeInfo.osImage == "{[()]}")]}',
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text('{[()]}'))))],
    ],
    [
      'single quotes inside double quotes',
      `{[?(@.status.nodeInfo.osImage == "''")]}`,
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text("''"))))],
    ],
    [
      'double quotes inside single quotes',
      `{[?(@.status.nodeInfo.osImage == '""')]}`,
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text('""'))))],
    ],
    [
      'an escaped single quote',
      "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), '==', list(text("\\'"))))],
    ],
    ['a negative slice start', '{[-5:]}', [list(array([-5, true, false], UNKNOWN, UNKNOWN))]],
    ['a negative index', '{[-1]}', [list(array([-1, true, false], [0, true, true], UNKNOWN))]],
    ['a negative slice end', '{[1:-1]}', [list(array([1, true, false], [-1, true, false], UNKNOWN))]],
    ['a step with an empty end', '{[0:6:]}', [list(array([0, true, false], [6, true, false], UNKNOWN))]],
    ['an existence filter', '{[?(@.z)].id}', [list(filter(list(field('z')), 'exists'), field('id'))]],
    ['escaped dots in a field', '{.metadata.labels.app\\.kubernetes\\.io/name}', [list(field('metadata'), field('labels'), field('app.kubernetes.io/name'))]],
    ['a dash and a slash in a field', '{$.Labels.web/html}{.k8s-app}', [list(field('Labels'), field('web/html')), list(field('k8s-app'))]],
    ['numbers and booleans', '{-3}{+4}{1.5}{true}{false}', [list(int(-3)), list(int(4)), list(float(1.5)), list(bool(true)), list(bool(false))]],
    ['quoted escapes', '{"\\t\\n\\u00e9\\x41\\101"}', [list(text('\t\né' + 'AA'))]],
    ['text with a closing brace', 'a}b{.c}d', [text('a}b'), list(field('c')), text('d')]],
    ['an empty action', '{}', [list()]],
  ])('parses %s', (_name, template, nodes) => {
    expect(parseJsonPath(template).nodes).toEqual(nodes);
  });

  it.each<[string, string]>([
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{\t.a}', 'unrecognized character in action: U+0009'],
    ['{{.a}}', "unrecognized character in action: U+007B '{'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{-}', 'cannot parse number -'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{[?(@.a)x]}', 'unclosed array expect ]'],
    ['{........}', 'invalid multiple recursive descent'],
    ['{............................................................Price}', 'invalid multiple recursive descent'],
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
    ['{"abc}', 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ["{'\\\"'}", `unquote string '\\"' error invalid syntax`],
    ['{"\\ud800"}', 'unquote string "\\ud800" error invalid syntax'],
    ['{[a]}', 'invalid array index a'],
    ['{["id"]}', 'invalid array index "id"'],
    ["{['a,b']}", "invalid array index 'a"],
    ['{[-]}', 'array index - is not a number'],
    ['{.a\n}', 'unclosed action'],
  ])('refuses %j: %s', (template, message) => {
    expect(parseError(template)).toBe(message);
  });
});
