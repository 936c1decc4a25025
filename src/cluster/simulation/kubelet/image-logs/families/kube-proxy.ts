import type { ContainerLogContext } from '../log-context.js';
import { klog } from '../log-formats.js';
import type { ProcessLogs } from '../log-pattern.js';
import { cachesSynced, INFORMER_FACTORY, tooOldResourceVersion, waitingForCaches } from './kubernetes-common.js';

const IPVS_MODULES = ['ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'ip_vs_sh', 'nf_conntrack_ipv4'];

/**
 * kube-proxy v1.14 from kubeadm's ConfigMap (mode ""): the IPVS probe of pkg/proxy/ipvs failing to load its kernel
 * modules inside a container without /lib/modules, the fallback to iptables (cmd/kube-proxy/app/server_others.go),
 * conntrack sysctls, then the service and endpoints config controllers. At the default verbosity its 30 s
 * iptables syncs are silent (they log at --v=2 and above); idle, only its informers' relists show.
 */
export function kubeProxy(context: ContainerLogContext): ProcessLogs {
  const version = `v${context.tag || '1.14.2'}`;
  return {
    banner(out) {
      for (const module of IPVS_MODULES) {
        out.write(
          klog(
            'W',
            'proxier.go:498',
            `Failed to load kernel module ${module} with modprobe. You can ignore this message when kube-proxy is running inside container without mounting /lib/modules`,
          ),
        );
      }
      out.pause(20, 60);
      out.write(klog('W', 'server_others.go:267', 'Flag proxy-mode="" unknown, assuming iptables proxy'));
      out.write(klog('I', 'server_others.go:146', 'Using iptables Proxier.'));
      out.write(klog('I', 'server.go:562', `Version: ${version}`));
      out.write(klog('I', 'conntrack.go:52', 'Setting nf_conntrack_max to 131072'));
      out.write(klog('I', 'conntrack.go:100', "Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_established' to 86400"));
      out.write(klog('I', 'conntrack.go:100', "Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600"));
      out.write(klog('I', 'config.go:202', 'Starting service config controller'));
      out.write(waitingForCaches('service config'));
      out.write(klog('I', 'config.go:102', 'Starting endpoints config controller'));
      out.write(waitingForCaches('endpoints config'));
      out.pause(80, 150);
      out.write(cachesSynced('endpoints config'));
      out.write(cachesSynced('service config'));
    },
    steady: [tooOldResourceVersion(INFORMER_FACTORY, ['*v1.Service', '*v1.Endpoints'])],
  };
}
