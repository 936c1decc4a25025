import type { ComponentHealth } from './component-health.js';

/** The shape of src/api/health's HealthCheck, restated so the cluster does not import the API. */
export interface ComponentHealthCheck {
  name: string;
  /** undefined when healthy, otherwise the error the check reports. */
  check: () => string | undefined;
}

/**
 * The API server's check on its storage (apiserver pkg/storage/storagebackend/factory/etcd3.go), behind `etcd`
 * on /healthz, /livez and /readyz and readyz's `etcd-readiness`: it fails while the simulated etcd is
 * unhealthy, with the error a timed-out etcd client gives.
 */
export function etcdHealthCheck(health: ComponentHealth): ComponentHealthCheck {
  return { name: 'etcd', check: () => (health.isHealthy('etcd') ? undefined : 'error getting data from etcd: context deadline exceeded') };
}
