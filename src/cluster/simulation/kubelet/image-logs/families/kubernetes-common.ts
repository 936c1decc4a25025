import { type Format, klog } from '../log-formats.js';
import { every, type LogWriter, type SteadyStream } from '../log-pattern.js';

/**
 * What an idle v1.14 component writes at the default verbosity once started: when an informer's watch times out
 * and etcd has compacted past its resourceVersion (every 5 min, the apiserver's --etcd-compaction-interval), the
 * reflector relists and says so (client-go tools/cache/reflector.go, watchHandler's "too old resource version").
 */
export function tooOldResourceVersion(informer: string, kinds: readonly string[]): SteadyStream {
  return {
    everyMs: every(4 * 60_000, 25 * 60_000),
    write(out: LogWriter) {
      const kind = out.random.pick(kinds);
      const revision = etcdRevisionAt(out.nowUs);
      const compacted = revision + out.random.int(40, 400);
      out.write(klog('W', 'reflector.go:289', `${informer}: watch of ${kind} ended with: too old resource version: ${revision} (${compacted})`));
    },
  };
}

/**
 * A plausible etcd revision for an instant: an idle kubeadm cluster writes about one change a second (node
 * Leases every 10 s, the leader-election Endpoints every 2 s), so the revision grows with the clock.
 */
export function etcdRevisionAt(us: number): number {
  return 1_000 + Math.floor((us / 1_000_000) % 10_000_000);
}

/** client-go's leader election in v1.14 (tools/leaderelection/leaderelection.go): the double space is upstream's. */
export function acquireLease(out: LogWriter, lock: string, minWaitMs: number, maxWaitMs: number): void {
  out.write(klog('I', 'leaderelection.go:217', `attempting to acquire leader lease  kube-system/${lock}...`));
  out.pause(minWaitMs, maxWaitMs);
  out.write(klog('I', 'leaderelection.go:227', `successfully acquired lease kube-system/${lock}`));
}

/** controller.WaitForCacheSync in v1.14 (pkg/controller/controller_utils.go): before a controller's caches sync. */
export function waitingForCaches(controller: string): Format {
  return klog('I', 'controller_utils.go:1027', `Waiting for caches to sync for ${controller} controller`);
}

/** controller.WaitForCacheSync in v1.14: once a controller's caches have synced. */
export function cachesSynced(controller: string): Format {
  return klog('I', 'controller_utils.go:1034', `Caches are synced for ${controller} controller`);
}

/** A version-1 UUID as v1.14 leader election puts in the holder identity (`node1_<uuid>`). */
export function uuidV1(out: LogWriter): string {
  const h = (n: number): string => out.random.hex(n);
  return `${h(8)}-${h(4)}-11e9-${h(4)}-${h(12)}`;
}

/** The informer factories of v1.14 components, as reflector messages name them. */
export const INFORMER_FACTORY = 'k8s.io/client-go/informers/factory.go:133';
