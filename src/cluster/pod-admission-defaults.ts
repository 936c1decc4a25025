/**
 * What the API server's admission plugins and defaulting add to every pod it stores, shared by the fixture
 * loader (pods written at load) and the simulation (pods its controllers create), so both look alike.
 */
import type { V1Volume } from '@kubernetes/client-node';
import type { Wire } from './objects.js';

/** Where the ServiceAccount plugin mounts the token volume (k/k plugin/pkg/admission/serviceaccount). */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The classes every cluster has (k/k pkg/apis/scheduling: SystemCriticalPriority and the two built-in classes). */
export const PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

/** DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds): 300 s for not-ready and unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** The projected volume `kube-api-access-<5>` the ServiceAccount plugin adds: token, cluster CA, namespace. */
export function serviceAccountTokenVolume(name: string): Wire<V1Volume> {
  return { name, projected: TOKEN_PROJECTION };
}

/** The same in every pod: shared, as stored objects are never changed in place. */
const TOKEN_PROJECTION: NonNullable<Wire<V1Volume>['projected']> = {
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
  defaultMode: 420,
};
