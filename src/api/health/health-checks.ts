/**
 * The checks behind /healthz, /livez and /readyz. A check answers undefined when healthy, otherwise why not
 * (the reason goes to the log and to `/<endpoint>/<check>`, never to the verbose listing).
 */
export interface HealthCheck {
  name: string;
  check: () => string | undefined;
}

export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

export type HealthChecks = Readonly<Record<HealthEndpoint, readonly HealthCheck[]>>;

export interface HealthCheckOptions {
  /** The state of etcd, behind both `etcd` and readyz's `etcd-readiness`; healthy when not given. */
  etcd?: HealthCheck['check'];
}

const healthy = (): undefined => undefined;

/** The post-start hooks a kube-apiserver reports, in its order (k/k pkg/controlplane, kube-aggregator, apiextensions). */
const POST_START_HOOKS = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'bootstrap-controller',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector',
  'start-legacy-token-tracking-controller',
  'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers',
  'apiservice-registration-controller',
  'apiservice-status-available-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((hook) => `poststarthook/${hook}`);

/**
 * The lists a kube-apiserver installs (apiserver pkg/server/config.go, healthz.go): ping, log and etcd, the
 * post-start hooks, the aggregator's autoregistration and OpenAPI controllers; readyz adds etcd-readiness and
 * informer-sync after etcd and ends with shutdown.
 */
export function defaultHealthChecks(options: HealthCheckOptions = {}): HealthChecks {
  const check = (name: string, run: HealthCheck['check'] = healthy): HealthCheck => ({ name, check: run });
  const etcd = options.etcd ?? healthy;
  const hooks = [
    ...POST_START_HOOKS,
    'autoregister-completion',
    'poststarthook/apiservice-openapi-controller',
    'poststarthook/apiservice-openapiv3-controller',
  ].map((name) => check(name));
  const live = [check('ping'), check('log'), check('etcd', etcd), ...hooks];
  const ready = [check('ping'), check('log'), check('etcd', etcd), check('etcd-readiness', etcd), check('informer-sync'), ...hooks, check('shutdown')];
  return { healthz: live, livez: live, readyz: ready };
}
