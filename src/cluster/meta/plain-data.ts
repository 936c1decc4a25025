/**
 * A deep copy of plain data (what JSON or YAML parses to, and what the simulation builds): arrays and objects are
 * new, strings and other primitives are shared. structuredClone would make a new copy of every string too, so
 * each pod made from a template would carry its own copies of the same image, paths and policies; and it costs
 * several times as much for the small objects the simulation copies on every write.
 */
export function plainCopy<T>(value: Readonly<T>): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyValue(value[i]);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) if (Object.hasOwn(value, key)) setField(copy, key, copyValue((value as Record<string, unknown>)[key]));
  return copy;
}

/** Sets a field as data: a `__proto__` key (JSON and YAML can hold one) is defined, where assigning it would set the prototype. */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * `{ ...source, ...fields }`, made so that the copies share one hidden class. On Node 20 (V8 11.3) an object literal
 * that starts with a spread and then adds a property its source lacks gets a hidden class of its own: each added
 * property costs ~0.7 µs, and every such object carries a map and descriptors of its own, hundreds of bytes (a
 * store stamping 150,000 pods with their uid and resourceVersion paid both 150,000 times). Object.assign onto a new
 * object takes V8's cached transitions instead. A source with an own `__proto__` key (JSON can hold one) is spread:
 * assigning that key would set the copy's prototype rather than copy it.
 */
export function withFields<T extends object, F extends object>(source: Readonly<T> | undefined, fields: F): Omit<T, keyof F> & F {
  if (source !== undefined && Object.hasOwn(source, '__proto__')) return { ...source, ...fields } as Omit<T, keyof F> & F;
  return Object.assign({}, source, fields) as Omit<T, keyof F> & F;
}

/**
 * Whether two plain values are equal as their JSON would be, whatever the order of object keys: a key whose value
 * is undefined counts as absent. Compares in place, without building either JSON.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (!samePlainValue(left[i], right[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let keys = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(right, key) || !samePlainValue(left[key], right[key])) return false;
  }
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) keys--;
  return keys === 0;
}
