import { type ContainerLogContext, flag } from '../log-context.js';
import { klog } from '../log-formats.js';
import { every, type LogWriter, type ProcessLogs, type SteadyStream } from '../log-pattern.js';

const DELEGATION_CHAIN = 'k8s_internal_local_delegation_chain_0000000000';

/** v1.14's admission chains with kubeadm's --enable-admission-plugins=NodeRestriction (plugins.go, admission.go). */
const MUTATING =
  'NamespaceLifecycle,LimitRanger,ServiceAccount,NodeRestriction,TaintNodesByCondition,Priority,DefaultTolerationSeconds,DefaultStorageClass,MutatingAdmissionWebhook';
const VALIDATING = 'LimitRanger,ServiceAccount,Priority,PersistentVolumeClaimResize,ValidatingAdmissionWebhook,ResourceQuota';

/**
 * kube-apiserver v1.14 (cmd/kube-apiserver/app/server.go and the generic apiserver it builds): the deprecated-flag
 * notice, admission chains (built three times: kube, apiextensions, aggregator servers, each tripping v1.14's
 * duplicate-metrics bug in prometheus.go), grpc's resolver chatter per etcd client, then serving and the
 * controllers of the aggregator. Idle, it writes a watch error whenever etcd compacts past a watcher
 * (storage/etcd3/watcher.go) and, rarely, the trace of a slow write.
 */
export function kubeApiserver(context: ContainerLogContext): ProcessLogs {
  const advertise = flag(context, 'advertise-address') ?? context.nodeIP;
  const etcd = (flag(context, 'etcd-servers') ?? 'https://127.0.0.1:2379').replace(/^https?:\/\//, '').split(',')[0] ?? '127.0.0.1:2379';
  const port = flag(context, 'secure-port') ?? '6443';
  const version = `v${context.tag || '1.14.2'}`;
  const etcdClient = (out: LogWriter): void => {
    out.write(klog('I', 'client.go:352', 'parsed scheme: ""'));
    out.write(klog('I', 'client.go:352', 'scheme "" not registered, fallback to default scheme'));
    out.write(klog('I', 'asm_amd64.s:1337', `ccResolverWrapper: sending new addresses to cc: [{${etcd} 0  <nil>}]`));
    out.write(klog('I', 'asm_amd64.s:1337', `balancerWrapper: got update addr from Notify: [{${etcd} <nil>}]`));
  };
  const admission = (out: LogWriter): void => {
    for (const [source, metric] of [
      ['prometheus.go:138', 'depth'],
      ['prometheus.go:150', 'adds'],
      ['prometheus.go:162', 'latency'],
      ['prometheus.go:174', 'work_duration'],
      ['prometheus.go:189', 'unfinished_work_seconds'],
      ['prometheus.go:202', 'longest_running_processor_microseconds'],
    ] as const) {
      out.write(klog('E', source, `failed to register ${metric} metric admission_quota_controller: duplicate metrics collector registration attempted`));
    }
    out.write(klog('I', 'plugins.go:158', `Loaded 9 mutating admission controller(s) successfully in the following order: ${MUTATING}.`));
    out.write(klog('I', 'plugins.go:161', `Loaded 6 validating admission controller(s) successfully in the following order: ${VALIDATING}.`));
  };
  let startUs = 0;
  return {
    banner(out) {
      startUs = out.nowUs;
      if (flag(context, 'insecure-port') !== undefined) out.plain('Flag --insecure-port has been deprecated, This flag will be removed in a future version.');
      out.write(klog('I', 'server.go:559', `external host was not specified, using ${advertise}`));
      out.write(klog('I', 'server.go:146', `Version: ${version}`));
      out.pause(300, 700);
      out.write(klog('I', 'plugins.go:158', `Loaded 9 mutating admission controller(s) successfully in the following order: ${MUTATING}.`));
      out.write(klog('I', 'plugins.go:161', `Loaded 6 validating admission controller(s) successfully in the following order: ${VALIDATING}.`));
      admission(out);
      etcdClient(out);
      etcdClient(out);
      out.pause(20, 80);
      out.write(klog('I', 'master.go:233', 'Using reconciler: lease'));
      for (let i = 0; i < 3; i++) etcdClient(out);
      out.pause(300, 900);
      for (const api of [
        'batch/v2alpha1',
        'node.k8s.io/v1alpha1',
        'rbac.authorization.k8s.io/v1alpha1',
        'scheduling.k8s.io/v1alpha1',
        'settings.k8s.io/v1alpha1',
        'storage.k8s.io/v1alpha1',
      ]) {
        out.write(klog('W', 'genericapiserver.go:344', `Skipping API ${api} because it has no resources.`));
      }
      out.pause(100, 300);
      admission(out);
      etcdClient(out);
      out.pause(1_500, 3_000);
      out.write(klog('I', 'secure_serving.go:116', `Serving securely on [::]:${port}`));
      for (const [source, message] of [
        ['available_controller.go:320', 'Starting AvailableConditionController'],
        ['cache.go:32', 'Waiting for caches to sync for AvailableConditionController controller'],
        ['crd_finalizer.go:242', 'Starting CRDFinalizer'],
        ['apiservice_controller.go:90', 'Starting APIServiceRegistrationController'],
        ['cache.go:32', 'Waiting for caches to sync for APIServiceRegistrationController controller'],
        ['autoregister_controller.go:139', 'Starting autoregister controller'],
        ['cache.go:32', 'Waiting for caches to sync for autoregister controller'],
        ['controller.go:81', 'Starting OpenAPI AggregationController'],
        ['crdregistration_controller.go:112', 'Starting crd-autoregister controller'],
        ['controller_utils.go:1027', 'Waiting for caches to sync for crd-autoregister controller'],
        ['customresource_discovery_controller.go:208', 'Starting DiscoveryController'],
        ['naming_controller.go:284', 'Starting NamingConditionController'],
        ['establishing_controller.go:73', 'Starting EstablishingController'],
      ] as const) {
        out.write(klog('I', source, message));
      }
      out.pause(80, 200);
      out.write(klog('I', 'cache.go:39', 'Caches are synced for autoregister controller'));
      out.write(klog('I', 'cache.go:39', 'Caches are synced for AvailableConditionController controller'));
      out.write(klog('I', 'cache.go:39', 'Caches are synced for APIServiceRegistrationController controller'));
      out.write(klog('I', 'controller_utils.go:1034', 'Caches are synced for crd-autoregister controller'));
      out.pause(600, 900);
      out.write(klog('I', 'controller.go:107', 'OpenAPI AggregationController: Processing item '));
      out.write(klog('I', 'controller.go:130', 'OpenAPI AggregationController: action for item : Nothing (removed from the queue).'));
      out.write(klog('I', 'controller.go:130', `OpenAPI AggregationController: action for item ${DELEGATION_CHAIN}: Nothing (removed from the queue).`));
      out.pause(50, 200);
      out.write(klog('I', 'storage_scheduling.go:113', 'all system priority classes are created successfully or already exist.'));
      out.write(klog('W', 'lease.go:222', `Resetting endpoints for master service "kubernetes" to [${advertise}]`));
      out.write(klog('I', 'controller.go:606', 'quota admission added evaluator for: endpoints'));
      for (const resource of [
        'leases.coordination.k8s.io',
        'serviceaccounts',
        'deployments.apps',
        'daemonsets.apps',
        'replicasets.apps',
        'events.events.k8s.io',
      ]) {
        out.pause(200, 4_000);
        out.write(klog('I', 'controller.go:606', `quota admission added evaluator for: ${resource}`));
      }
    },
    steady: [
      ...(version === 'v1.14.0' ? [openApiEverySecond] : []),
      {
        everyMs: every(3 * 60_000, 12 * 60_000),
        write(out) {
          out.write(klog('W', 'watcher.go:208', 'watch chan error: etcdserver: mvcc: required revision has been compacted'));
        },
      },
      {
        everyMs: every(20 * 60_000, 90 * 60_000),
        write: (out) => slowRequest(out, context, startUs),
      },
    ],
  };
}

/**
 * v1.14.0 resynced the local delegation chain's OpenAPI specs every second and logged each at the default level
 * (kubernetes#75777); 1.14.1 moved those lines to --v=4 (#75781), so later releases are silent here.
 */
const openApiEverySecond: SteadyStream = {
  everyMs: every(999, 1_004),
  write(out) {
    out.write(klog('I', 'controller.go:102', 'OpenAPI AggregationController: Processing item k8s_internal_local_delegation_chain_0000000001'));
    out.write(klog('I', 'controller.go:102', 'OpenAPI AggregationController: Processing item k8s_internal_local_delegation_chain_0000000002'));
  },
};

/**
 * Now and then a write takes longer than 500 ms on a small master's disk and utiltrace logs its steps
 * (k8s.io/utils trace.go as vendored in v1.14: `Trace[id]: "name" (started: ...) (total time: ...):`, one line per
 * step with the time since the start and since the previous step).
 */
function slowRequest(out: LogWriter, context: ContainerLogContext, startUs: number): void {
  const node = out.random.pick(context.nodes.map((n) => n.name).concat(context.nodeName));
  const totalMs = out.random.int(501, 1_400) + out.random.int(0, 9) / 10;
  const beganUs = out.nowUs - Math.round(totalMs * 1000);
  const sinceStart = ((beganUs - startUs) / 1_000_000).toFixed(9);
  const started = `${goTime(beganUs)} +0000 UTC m=+${sinceStart}`;
  const id = out.random.int(1_000_000_000, 2_147_483_647);
  const lease = `/apis/coordination.k8s.io/v1beta1/namespaces/kube-node-lease/leases/${node}`;
  out.write(
    klog('I', 'trace.go:81', `Trace[${id}]: "GuaranteedUpdate etcd3: *coordination.Lease" (started: ${started}) (total time: ${totalMs.toFixed(1)}ms):`),
  );
  out.plain(`Trace[${id}]: [${(totalMs - 0.1).toFixed(1)}ms] [${(totalMs - 0.4).toFixed(1)}ms] Transaction committed`);
  const id2 = out.random.int(1_000_000_000, 2_147_483_647);
  out.write(klog('I', 'trace.go:81', `Trace[${id2}]: "Update ${lease}" (started: ${started}) (total time: ${(totalMs + 0.4).toFixed(1)}ms):`));
  out.plain(`Trace[${id2}]: [${(totalMs + 0.3).toFixed(1)}ms] [${(totalMs - 0.2).toFixed(1)}ms] Object stored in database`);
}

/** Go's time.Time.String() to the nanosecond, as trace lines print their start. */
function goTime(us: number): string {
  const iso = new Date(Math.floor(us / 1000)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(Math.floor(us) % 1_000_000).padStart(6, '0')}${String(Math.floor(us * 7) % 1000).padStart(3, '0')}`;
}
