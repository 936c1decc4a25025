import { plainCopy, samePlainValue, withFields } from '../../../src/cluster/meta/index.js';
import { canonicalJson } from '../../../src/cluster/simulation/replicaset/generated-name.js';
import { SeededRandom } from '../../../src/cluster/simulation/random.js';

/** A random JSON-like value of a few levels, from a small vocabulary so that equal values come up often. */
function randomValue(random: SeededRandom, depth: number): unknown {
  const kind = random.int(0, depth > 0 ? 6 : 3);
  if (kind === 0) return random.pick(['a', 'b', '']);
  if (kind === 1) return random.int(0, 2);
  if (kind === 2) return random.pick([true, false, null]);
  if (kind === 3) return undefined;
  if (kind === 4) return Array.from({ length: random.int(0, 2) }, () => randomValue(random, depth - 1) ?? null);
  const object: Record<string, unknown> = {};
  for (const key of ['x', 'y', 'z'].filter(() => random.chance(0.5))) object[key] = randomValue(random, depth - 1);
  return object;
}

describe('plainCopy', () => {
  test('copies every array and object, so that changing the copy leaves the original as it was', () => {
    const original = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] } };
    const copy = plainCopy(original);
    expect(copy).toEqual(original);
    expect(copy.metadata).not.toBe(original.metadata);
    expect(copy.spec.containers[0]).not.toBe(original.spec.containers[0]);
    (copy.spec.containers[0] as { ports: unknown[] }).ports.push({ containerPort: 443 });
    copy.metadata.labels.app = 'other';
    expect(original.spec.containers[0]?.ports).toHaveLength(1);
    expect(original.metadata.labels.app).toBe('web');
  });

  test('keeps null, undefined-valued keys and key order, as structuredClone does', () => {
    const original = { b: null, a: undefined, c: [1, 'two', false] };
    const copy = plainCopy(original);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
    expect(copy).toStrictEqual(structuredClone(original));
  });

  test("copies an own __proto__ key as data, without setting the copy's prototype", () => {
    const copy = plainCopy(JSON.parse('{"name":"web","__proto__":{"polluted":true}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe('{"name":"web","__proto__":{"polluted":true}}');
  });

  test('copies a frozen object into one that can be changed', () => {
    const copy = plainCopy<{ status: { phase: string } }>(Object.freeze({ status: Object.freeze({ phase: 'Pending' }) }));
    copy.status.phase = 'Running';
    expect(copy.status.phase).toBe('Running');
  });
});

describe('withFields', () => {
  test.each([
    ["adds fields after the source's", { name: 'web', namespace: 'shop' }, { uid: 'u-1', resourceVersion: '7' }],
    ['replaces a field where the source has it', { name: 'web', uid: 'old', labels: { app: 'web' } }, { uid: 'u-1' }],
    ['copies nothing from an undefined source', undefined, { phase: 'Pending' }],
  ])('%s, as a spread would', (_case, source: Record<string, unknown> | undefined, fields: Record<string, unknown>) => {
    const copy = withFields(source, fields);
    expect(copy).toStrictEqual({ ...source, ...fields });
    expect(Object.keys(copy)).toEqual(Object.keys({ ...source, ...fields }));
    if (source) expect(copy).not.toBe(source);
  });

  test('keeps an own __proto__ key as data, as a spread does, where assigning it would set the prototype', () => {
    const source = JSON.parse('{"name":"web","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = withFields(source, { uid: 'u-1' });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe('{"name":"web","__proto__":{"polluted":true},"uid":"u-1"}');
  });
});

describe('samePlainValue', () => {
  test('ignores the order of object keys, not of array items', () => {
    expect(samePlainValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(samePlainValue({ c: [1, 2] }, { c: [2, 1] })).toBe(false);
  });

  test('counts a key whose value is undefined as absent, as JSON does', () => {
    expect(samePlainValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(samePlainValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(samePlainValue({ a: 1, b: undefined }, { a: 1, b: null })).toBe(false);
  });

  test('tells an array from an object and null from an object', () => {
    expect(samePlainValue([], {})).toBe(false);
    expect(samePlainValue(null, {})).toBe(false);
    expect(samePlainValue({}, null)).toBe(false);
  });

  test('says what comparing canonical JSON says, on 20,000 random pairs', () => {
    const random = new SeededRandom(7);
    let equal = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = { v: randomValue(random, 3) };
      const b = random.chance(0.3) ? plainCopy(a) : { v: randomValue(random, 3) };
      const expected = canonicalJson(a) === canonicalJson(b);
      expect(samePlainValue(a, b)).toBe(expected);
      if (expected) equal++;
    }
    // Both answers came up often enough for the comparison to mean something.
    expect(equal).toBeGreaterThan(5_000);
    expect(equal).toBeLessThan(15_000);
  });
});
