import { SeededRandom } from '../../../random.js';
import { type ContainerLogContext, flag } from '../log-context.js';
import { corednsLog } from '../log-formats.js';
import type { ProcessLogs } from '../log-pattern.js';

/** Build facts CoreDNS prints (coremain/version.go), per release kubeadm shipped. */
const BUILDS: Record<string, string> = {
  '1.2.6': 'linux/amd64, go1.11.2, 756749c',
  '1.3.1': 'linux/amd64, go1.11.4, 6b56a9c',
  '1.6.2': 'linux/amd64, go1.12.8, 795a3eb',
};

/**
 * CoreDNS 1.3 (coremain/run.go showVersion, plugin/reload): the server block it listens on, its version both
 * through the logger and on stdout, then the reload plugin's configuration checksum. With nothing failing it
 * writes no more: the errors plugin logs only errors and kubeadm's Corefile has no log plugin.
 */
export function coredns(context: ContainerLogContext): ProcessLogs {
  const version = context.tag || '1.3.1';
  const build = BUILDS[version] ?? 'linux/amd64, go1.11.4, 6b56a9c';
  // The checksum is of the Corefile the ConfigMap holds: the same for every replica, whatever the seed.
  const md5 = new SeededRandom(`coredns-corefile/${context.namespace}/${flag(context, 'conf') ?? ''}`).hex(32);
  return {
    banner(out) {
      out.plain('.:53');
      out.write(corednsLog('INFO', `CoreDNS-${version}`));
      out.write(corednsLog('INFO', build));
      out.plain(`CoreDNS-${version}`);
      out.plain(build);
      out.write(corednsLog('INFO', `plugin/reload: Running configuration MD5 = ${md5}`));
    },
    steady: [],
  };
}
