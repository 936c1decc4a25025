import type { KubeObject, ResourceType, StoredObject } from '../../cluster/index.js';

/** An object as a resource presents it: the stored object itself, or its conversion (events.k8s.io/v1 Events). */
export interface PresentedObject {
  readonly object: Readonly<KubeObject>;
  json(): string;
  jsonBytes(): Buffer;
  jsonAfterComma(): Buffer;
}

const conversions = new WeakMap<ResourceType, WeakMap<StoredObject, PresentedObject>>();

/**
 * Conversions are made once per stored version and resource, like serializations, so a list or a watch shared by
 * many clients converts each object once.
 */
export function presented(type: ResourceType, stored: StoredObject): PresentedObject {
  const convert = type.fromStorage;
  if (!convert) return stored;
  let cache = conversions.get(type);
  if (!cache) {
    cache = new WeakMap();
    conversions.set(type, cache);
  }
  let view = cache.get(stored);
  if (!view) {
    const object = convert(stored.object);
    let serialized: Buffer | undefined;
    const jsonAfterComma = (): Buffer => (serialized ??= Buffer.from(`,${JSON.stringify(object)}`));
    const jsonBytes = (): Buffer => jsonAfterComma().subarray(1);
    view = { object, jsonBytes, jsonAfterComma, json: () => jsonBytes().toString() };
    cache.set(stored, view);
  }
  return view;
}

/** Objects as a resource presents them: the very same array when the resource serves its objects as stored. */
export function presentedAll(type: ResourceType, stored: readonly StoredObject[]): readonly PresentedObject[] {
  return type.fromStorage ? stored.map((item) => presented(type, item)) : stored;
}
