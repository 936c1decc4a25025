import { evaluate, executeJsonPath, JsonPathError, parseJsonPath } from '../../../src/cluster/jsonpath/index.js';

/**
 * Vectors re-expressed from client-go util/jsonpath/jsonpath_test.go. Upstream feeds Go structs too; here every
 * input is decoded JSON (what the API server holds for a custom resource), so struct-typed expectations become
 * map ones: keys sorted in JSON output, `map[string]interface {}` in messages.
 */

type Vector = [name: string, template: string, input: unknown, expected: string];

const run = (template: string, input: unknown, allowMissingKeys = false): string => executeJsonPath(parseJsonPath(template), input, { allowMissingKeys });

function failure(template: string, input: unknown, allowMissingKeys = false): string {
  try {
    run(template, input, allowMissingKeys);
  } catch (error) {
    if (error instanceof JsonPathError) {
      expect(error.phase).toBe('evaluate');
      return error.message;
    }
    throw error;
  }
  throw new Error(`expected ${template} to fail`);
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
  structs: [
    { name: 'one', value: 1, type: 'integer' },
    { name: 'two', value: 2.002, type: 'float' },
    { name: 'three', value: 3, type: 'integer' },
    { name: 'four', value: 4.004, type: 'float' },
  ],
};

describe('slices of every element type (TestTypesInput)', () => {
  it.each<Vector>([
    ['a bool slice', '{ .bools }', types, '[true,false,true,false]'],
    ['a bool index', '{ .bools[0] }', types, 'true'],
    ['a negative bool index', '{ .bools[-1] }', types, 'false'],
    ['a bool sub-slice', '{ .bools[0:2] }', types, 'true false'],
    ['the first two bools', '{ .bools[:2] }', types, 'true false'],
    ['every second bool', '{ .bools[:4:2] }', types, 'true true'],
    ['an integer slice', '{ .integers }', types, '[1,2,3,4]'],
    ['an integer index', '{ .integers[0] }', types, '1'],
    ['a negative integer index', '{ .integers[-2] }', types, '3'],
    ['an integer sub-slice', '{ .integers[0:2] }', types, '1 2'],
    ['every second integer', '{ .integers[:4:2] }', types, '1 3'],
    ['a float slice', '{ .floats }', types, '[1,2.2,3.3,4]'],
    ['a float index', '{ .floats[0] }', types, '1'],
    ['a negative float index', '{ .floats[-2] }', types, '3.3'],
    ['a float sub-slice', '{ .floats[0:2] }', types, '1 2.2'],
    ['every second float', '{ .floats[:4:2] }', types, '1 3.3'],
    ['a string slice', '{ .strings }', types, '["one","two","three","four"]'],
    ['a string index', '{ .strings[0] }', types, 'one'],
    ['a negative string index', '{ .strings[-2] }', types, 'three'],
    ['a string sub-slice', '{ .strings[:2] }', types, 'one two'],
    ['every second string', '{ .strings[:4:2] }', types, 'one three'],
    ['a mixed slice', '{ .interfaces }', types, '[true,"one",1,1.1]'],
    ['a mixed index', '{ .interfaces[-2] }', types, '1'],
    ['a mixed sub-slice', '{ .interfaces[0:2] }', types, 'true one'],
    ['every second mixed element', '{ .interfaces[:4:2] }', types, 'true 1'],
    ['a map slice', '{ .maps }', types, '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ['a map index', '{ .maps[0] }', types, '{"name":"one","value":1}'],
    ['a negative map index', '{ .maps[-2] }', types, '{"name":"three","value":3.03}'],
    ['a map sub-slice', '{ .maps[:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ['odd maps', '{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['even maps', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
    ['a sorted-key map index', '{ .structs[0] }', types, '{"name":"one","type":"integer","value":1}'],
    ['sorted-key maps, every second', '{ .structs[1::2] }', types, '{"name":"two","type":"float","value":2.002} {"name":"four","type":"float","value":4.004}'],
  ])('prints %s', (_name, template, input, expected) => {
    expect(run(template, input)).toBe(expected);
  });
});

const storeData = {
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Name: 'jsonpath',
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

describe('a store (TestStructInput)', () => {
  it.each<Vector>([
    ['plain text', 'hello jsonpath', null, 'hello jsonpath'],
    ['a recursive descent', '{..}', [1, 2, 3], '[1,2,3]'],
    ['a filter on the current value', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['a quoted brace', '{"{"}', null, '{'],
    ['a union of indexes', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['a slice', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['a variable after text', 'hello {.Name}', storeData, 'hello jsonpath'],
    ['a key with a slash', '{$.Labels.web/html}', storeData, '15'],
    ['a map value', '{$.Employees.jason}', storeData, 'manager'],
    ['a key with a dash', '{.Labels.k8s-app}', storeData, '20'],
    ['a field of every element', '{.Bicycle[*].Color}', storeData, 'red green'],
    ['every author', '{.Book[*].Author}', storeData, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['all fields in a range', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', storeData, '{red 19.95 true} {green 20.01 false} '],
    ['a recursive field', '{..Price}', storeData, '8.95 12.99 8.99 19.95 20.01'],
    ['a recursive field through three dots', '{...Price}', storeData, '8.95 12.99 8.99 19.95 20.01'],
    ['a slice of maps', '{.Bicycle}', storeData, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
    [
      'maps in a range',
      '{range .Bicycle[*]}{ @ }{ " " }{end}',
      storeData,
      '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} ',
    ],
    ['the last element', '{.Book[-1:]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['an index after a recursive descent', '{..Book[2]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['a boolean filter', '{.Bicycle[?(@.IsNew==true)]}', storeData, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ])('prints %s', (_name, template, input, expected) => {
    expect(run(template, input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['{.hello}', ''],
    ['before-{.hello}after', 'before-after'],
  ])('prints %j as %j when missing keys are allowed', (template, expected) => {
    expect(run(template, storeData, true)).toBe(expected);
  });

  it.each<[string, string]>([
    ['{hello}', 'unrecognized identifier hello'],
    ['{.hello}', 'hello is not found'],
    ['{.Labels[0]}', 'map[string]interface {} is not array or slice'],
    ['{.Book[?(@.Price<>10)]}', 'unrecognized filter operator <>'],
    ['{range .Labels.*}{@}{end}{end}', 'not in range, nothing to end'],
  ])('fails on %j: %s', (template, message) => {
    expect(failure(template, storeData)).toBe(message);
  });
});

describe('decoded JSON (TestJSONInput)', () => {
  const points = [
    { id: 'i1', x: 4, y: -5 },
    { id: 'i2', x: -2, y: -5, z: 1 },
    { id: 'i3', x: 8, y: 3 },
    { id: 'i4', x: -6, y: -1 },
    { id: 'i5', x: 0, y: 2, z: 1 },
    { id: 'i6', x: 1, y: 4 },
    { id: 'i7', x: null, y: 4 },
  ];
  it.each<Vector>([
    ['an existence filter', '{[?(@.z)].id}', points, 'i2 i5'],
    ['a bracketed key', "{[0]['id']}", points, 'i1'],
    ['a null value', "{[-1]['x']}", points, 'null'],
    ['an integer comparison', '{[?(@.x >= 4)].id}', points.slice(0, 6), 'i1 i3'],
    ['a negative integer comparison', '{[?(@.y<-1)].id}', points, 'i1 i2'],
  ])('prints %s', (_name, template, input, expected) => {
    expect(run(template, input)).toBe(expected);
  });
});

const nodesData = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

describe('Kubernetes objects (TestKubernetes)', () => {
  it.each<Vector>([
    ['a range with text after it', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodesData, '127.0.0.1, 127.0.0.2, List'],
    ['a range with a quoted tab', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodesData, '127.0.0.1\t127.0.0.2\t'],
    ['nested wildcards', '{.items[*].status.addresses[*].address}', nodesData, '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['a double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodesData, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['item names', '{.items[*].metadata.name}', nodesData, '127.0.0.1 127.0.0.2'],
    ['a union of dotted keys', "{.items[*]['metadata.name', 'status.capacity']}", nodesData, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    [
      'text and maps in a range',
      '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}',
      nodesData,
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ['a string filter', '{.users[?(@.name=="e2e")].user.password}', nodesData, 'secret'],
    ['an escaped dot in a key', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodesData, '127.0.0.1'],
    ['an escaped dot in a filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodesData, 'None'],
    ['a recursive boolean filter', '{.items[?(@..ready==true)].metadata.name}', nodesData, '127.0.0.1'],
  ])('prints %s', (_name, template, input, expected) => {
    expect(run(template, input)).toBe(expected);
  });

  it('finds every name below the root', () => {
    expect(run('{..name}', nodesData).split(' ').sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself']);
  });
});

const pods = {
  items: [
    {
      metadata: { name: 'pod1' },
      spec: {
        containers: [
          { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
          { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
        ],
      },
    },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
  ],
};

describe('ranges (TestEmptyRange, TestNestedRanges)', () => {
  it.each<[string, string]>([
    ['{range .items[*]}{.metadata.name}{end}', ''],
    ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', ''],
  ])('print nothing for an empty list: %j', (template, expected) => {
    expect(run(template, { items: [] }, true)).toBe(expected);
  });

  it('walk an empty range body once, so a missing key fails unless allowed', () => {
    expect(failure('{range .items[*]}{.metadata.name}{end}', { items: [] })).toBe('metadata is not found');
  });

  it.each<Vector>([
    ['nested ranges', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', pods, 'pod1:foo,bar,+pod2:baz,+'],
    [
      'three levels',
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      pods,
      'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
    ],
    [
      'two ranges at the same level',
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      pods,
      'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
    ],
    ['a range without end, after which the following nodes run again on the root', '{range .items[*]}{.metadata.name}{" "}', pods, 'pod1 pod2  '],
  ])('print %s', (_name, template, input, expected) => {
    expect(run(template, input, true)).toBe(expected);
  });

  it('give the results of every node, per range iteration', () => {
    expect(evaluate(parseJsonPath('{range .items[*]}{.metadata.name}{","}{end}'), pods)).toEqual([['pod1'], [','], ['pod2'], [',']]);
  });
});

describe('filters with missing keys (TestFilterPartialMatchesSometimesMissingAnnotations, TestRunningPodsJSONPathOutput)', () => {
  const annotated = {
    items: [
      { metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { metadata: { name: 'pod2' } },
      { metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  const template = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';

  it('match a subset when missing keys are allowed', () => {
    expect(run(template, annotated, true)).toBe('pod1 pod4');
  });

  it('fail on the first element without the key otherwise', () => {
    expect(failure(template, annotated)).toBe('annotations is not found');
  });

  it('filter without @, skipping an item without status', () => {
    const running = {
      items: [
        { metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { metadata: { name: 'pod3' }, status: { phase: 'Running' } },
        { resourceVersion: '' },
      ],
    };
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', running, true)).toBe(
      'pod1 is Running\npod2 is Running\npod3 is Running\n',
    );
  });
});

describe('indexes, slices and steps (TestNegativeIndex, TestStep)', () => {
  const containers = (count: number): unknown => ({
    spec: { containers: Array.from({ length: count }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) },
  });
  const four = containers(4);
  const six = containers(6);

  it.each<[string, unknown, string]>([
    ['{.spec.containers[0].name}', four, 'fake0'],
    ['{.spec.containers[0:0].name}', four, ''],
    ['{.spec.containers[0:-1].name}', four, 'fake0 fake1 fake2'],
    ['{.spec.containers[-1].name}', four, 'fake3'],
    ['{.spec.containers[-1:].name}', four, 'fake3'],
    ['{.spec.containers[-2].name}', four, 'fake2'],
    ['{.spec.containers[-2:].name}', four, 'fake2 fake3'],
    ['{.spec.containers[-3].name}', four, 'fake1'],
    ['{.spec.containers[-4].name}', four, 'fake0'],
    ['{.spec.containers[-4:].name}', four, 'fake0 fake1 fake2 fake3'],
    ['{.spec.containers[5:5].name}', four, ''],
    ['{.spec.containers[-5:-5].name}', four, ''],
    ['{.spec.containers[0:].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:1].name}', six, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[1:4:2].name}', six, 'fake1 fake3'],
    ['{.spec.containers[1:4:3].name}', six, 'fake1'],
    ['{.spec.containers[1:4:4].name}', six, 'fake1'],
    ['{.spec.containers[0:6:2].name}', six, 'fake0 fake2 fake4'],
    ['{.spec.containers[0:6:3].name}', six, 'fake0 fake3'],
    ['{.spec.containers[0:6:5].name}', six, 'fake0 fake5'],
    ['{.spec.containers[0:6:6].name}', six, 'fake0'],
  ])('%s prints %j', (template, input, expected) => {
    expect(run(template, input)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['{.spec.containers[-1:0].name}', four, 'starting index 3 is greater than ending index 0'],
    ['{.spec.containers[-5].name}', four, 'array index out of bounds: index -1, length 4'],
    ['{.spec.containers[3:1].name}', four, 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[-1:-2].name}', four, 'starting index 3 is greater than ending index 2'],
    ['{.spec.containers[4].name}', four, 'array index out of bounds: index 4, length 4'],
    ['{.spec.containers[1:9].name}', four, 'array index out of bounds: index 8, length 4'],
    ['{.spec.containers[0:6:0].name}', six, 'step must be > 0'],
    ['{.spec.containers[0:6:-1].name}', six, 'step must be > 0'],
    ['{.spec[0]}', four, 'map[string]interface {} is not array or slice'],
    ['{.spec.containers[0].name[0]}', four, 'string is not array or slice'],
  ])('%s fails: %s', (template, input, message) => {
    expect(failure(template, input)).toBe(message);
  });
});

describe('Go semantics kept from upstream', () => {
  it.each<Vector>([
    ['a wildcard over a string, which yields its bytes', '{.name.*}', { name: 'hé' }, '104 195 169'],
    ['a recursive descent listing non-empty strings but no numbers', '{..}', { a: 'x', b: '', c: 1 }, '{"a":"x","b":"","c":1} x'],
    [
      'an existence filter kept by an index out of bounds (the failing index returns its input)',
      '{.items[?(@.ports[1])].name}',
      { items: [{ name: 'one', ports: [1] }, { name: 'none' }] },
      'one',
    ],
    ['a string ordering filter, bytewise', '{.items[?(@.v < "b")].v}', { items: [{ v: 'a' }, { v: 'B' }, { v: 'é' }] }, 'a B'],
    ['an unequal filter', '{.items[?(@.v != "a")].v}', { items: [{ v: 'a' }, { v: 'b' }] }, 'b'],
    ['float comparisons', '{.items[?(@.v <= 2.5)].v}', { items: [{ v: 2.5 }, { v: 3.5 }, { v: 1.25 }] }, '2.5 1.25'],
    ['a greater-than filter', '{.items[?(@.v > 1)].v}', { items: [{ v: 1 }, { v: 2 }] }, '2'],
    ['a union of keys', '{.a["b","c"]}'.replace(/"/g, "'"), { a: { b: 1, c: 2 } }, '1 2'],
    ['a quoted literal with Go escapes', '{"\\u00e9\\x41"}', null, 'éA'],
    ['literals, one per input value', '{.a[*]}{3}{true}{1.5}', { a: [] }, '3true1.5'],
  ])('prints %s', (_name, template, input, expected) => {
    expect(run(template, input, true)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['{.items[?(@.v > 10)].v}', { items: [{ v: 12.5 }] }, 'incompatible types for comparison'],
    ['{.items[?(@.v == 1.0)].v}', { items: [{ v: 1 }] }, 'incompatible types for comparison'],
    ['{.items[?(@.v == "1")].v}', { items: [{ v: 1 }] }, 'incompatible types for comparison'],
    ['{.items[?(@.v < true)].v}', { items: [{ v: false }] }, 'invalid type for comparison'],
    ['{.items[?(@.v == 1)].v}', { items: [{ v: null }] }, 'invalid type for comparison'],
    ['{.items[?(@.v == 1)].v}', { items: [{ v: [1] }] }, 'invalid type for comparison'],
    ['{.items[?(@.v[*] == 1)].v}', { items: [{ v: [1, 2] }] }, 'can only compare one element at a time'],
    ['{.items[?(@.v)]}', { items: { v: 1 } }, 'map[v:1] is not array or slice and cannot be filtered'],
    ['{.items[?(@.v)]}', { items: null }, '<nil> is not array or slice and cannot be filtered'],
  ])('%s fails: %s', (template, input, message) => {
    expect(failure(template, input, true)).toBe(message);
  });

  it('gives plain JSON values, float literals included', () => {
    expect(evaluate(parseJsonPath('a{.b}{2.0}{.c[*]}'), { b: { x: 1 }, c: [1, 'two'] })).toEqual([['a'], [{ x: 1 }], [2], [1, 'two']]);
  });

  it('returns no value, without error, for a field of nothing', () => {
    expect(evaluate(parseJsonPath('{.a[0:0].b}'), { a: [1] })).toEqual([[]]);
  });
});
