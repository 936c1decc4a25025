import { randomString, safeEncodeString } from '../../meta/index.js';
import type { ResourceKey } from '../../resources/resource-type.js';
import type { ClusterStore } from '../../store/index.js';
import type { SeededRandom } from '../random.js';

/** rand.String(n) from the seeded random. */
export function randomSuffix(random: SeededRandom, length = 5): string {
  return randomString(() => random.next(), length);
}

/**
 * metadata.generateName as the API server resolves it (apiserver pkg/storage/names SimpleNameGenerator): the
 * prefix plus five random characters; a name already taken is drawn again, as a create retried after
 * AlreadyExists would be.
 */
export function generateName(store: ClusterStore, resource: ResourceKey, namespace: string, prefix: string, random: SeededRandom): string {
  for (;;) {
    const name = `${prefix}${randomSuffix(random)}`;
    if (!store.get(resource, namespace, name)) return name;
  }
}

/**
 * rand.SafeEncodeString of the decimal form of a 32-bit FNV-1a hash of `text`: what
 * k/k pkg/controller/controller_utils.go ComputeHash gives a pod template (pod-template-hash,
 * controller-revision-hash), with the template's canonical JSON standing in for Go's DeepHashObject dump.
 */
export function templateHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return safeEncodeString(String(hash >>> 0));
}

/** JSON with object keys sorted, so two equal templates always hash and compare the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
}
