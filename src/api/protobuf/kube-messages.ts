import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDataDirectory } from '../package-data.js';

/**
 * The Kubernetes API's protobuf messages (k8s.io/api and apimachinery generated.proto), as scripts/update-protobuf.mjs
 * reads them out of real kubectl binaries into protobuf/messages.json: per message, its fields by JSON name.
 */
export type ScalarType = 'string' | 'bool' | 'bytes' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'double' | 'float';

export type KubeField =
  | { number: number; type: ScalarType; repeated?: true }
  | { number: number; type: 'message'; message: string; repeated?: true; /** JSON inlines its fields into the parent. */ inline?: true }
  /** map<string, value>: repeated entries {1 key, 2 value}; `value` a scalar type or a message's full name. */
  | { number: number; type: 'map'; value: string };

/** A message's fields in field-number order, each with its JSON name. */
export type KubeMessage = readonly (readonly [name: string, field: KubeField])[];

interface MessagesFile {
  messages: Record<string, Record<string, KubeField>>;
}

let loaded: Map<string, KubeMessage> | undefined;

/** Every message by full name (`k8s.io.api.core.v1.Pod`), read from the package on first use. */
export function kubeMessages(): ReadonlyMap<string, KubeMessage> {
  if (!loaded) {
    const path = join(packageDataDirectory('protobuf', 'messages.json', 'npm run protobuf:update'), 'messages.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as MessagesFile;
    loaded = new Map(
      Object.entries(file.messages).map(([name, fields]) => [name, Object.entries(fields).sort(([, a], [, b]) => a.number - b.number)] as const),
    );
  }
  return loaded;
}

/**
 * The `items` field of a named string list (authentication's ExtraValue, meta's Verbs): a message of that one
 * repeated string field, which JSON writes as a plain array.
 */
export function namedListItems(messageName: string): KubeField | undefined {
  const message = kubeMessages().get(messageName);
  const only = message?.length === 1 ? message[0] : undefined;
  return only !== undefined && only[0] === 'items' && only[1].type === 'string' && only[1].repeated === true ? only[1] : undefined;
}

/** The proto package of an API group's version: core is `k8s.io.api.core.v1`, apps/v1 `k8s.io.api.apps.v1`, ... */
function packageOf(group: string, version: string): string {
  switch (group) {
    case '':
      return `k8s.io.api.core.${version}`;
    case 'meta.k8s.io':
      return `k8s.io.apimachinery.pkg.apis.meta.${version}`;
    case 'metrics.k8s.io':
      return `k8s.io.metrics.pkg.apis.metrics.${version}`;
    case 'internal.apiserver.k8s.io':
      return `k8s.io.api.apiserverinternal.${version}`;
    default:
      // k8s.io/api's folders are the group's first label: apps, rbac (rbac.authorization.k8s.io), flowcontrol, ...
      return `k8s.io.api.${group.split('.')[0] ?? group}.${version}`;
  }
}

/** meta/v1's kinds that every group version also serves (metav1.AddToGroupVersion: Status, WatchEvent, options). */
const UNVERSIONED_PACKAGE = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** The full name of the message of a kind served at `apiVersion` (`v1`, `apps/v1`), if Kubernetes defines one. */
export function messageNameOf(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const messages = kubeMessages();
  const name = `${packageOf(group, version)}.${kind}`;
  if (messages.has(name)) return name;
  const unversioned = `${UNVERSIONED_PACKAGE}.${kind}`;
  return messages.has(unversioned) ? unversioned : undefined;
}
