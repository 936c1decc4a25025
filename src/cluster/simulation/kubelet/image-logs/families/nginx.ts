import { type ContainerLogContext, gatewayOf, versionParts } from '../log-context.js';
import { nginxError, nginxTimeLocal } from '../log-formats.js';
import { every, type LogWriter, type ProcessLogs, type SteadyStream } from '../log-pattern.js';

const ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const CLIENTS = ['curl/7.64.0', 'curl/7.58.0', 'Mozilla/5.0 (X11; Linux x86_64; rv:67.0) Gecko/20100101 Firefox/67.0', 'Wget/1.20.1 (linux-gnu)'];

/**
 * The official nginx image (docker-library/nginx): up to 1.17 it starts silently (CMD nginx, error_log at warn);
 * from 1.19 docker-entrypoint.sh reports its configuration scripts, and the images of 1.21 on log nginx's start
 * notices. Then the access log in the image's `main` format, to stdout: the kubelet's HTTP probes from the node's
 * bridge address, and clients reaching the Service through other nodes (SNATed to their pod range's gateway).
 */
export function nginx(context: ContainerLogContext): ProcessLogs {
  const [major, minor, patch] = versionParts(context.tag || '1.17');
  const modern = major > 1 || minor >= 19;
  const notices = major > 1 || minor >= 21;
  const indexBytes = notices ? 615 : 612;
  const [kubeMajor, kubeMinor] = versionParts(context.kubeletVersion);
  const access = (out: LogWriter, client: string, path: string, agent: string): void => {
    const status = path === '/favicon.ico' ? 404 : 200;
    const bytes = status === 404 ? 153 : path === '/' || path === '/index.html' ? indexBytes : 0;
    out.write((us) => `${client} - - [${nginxTimeLocal(us)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "-"`);
  };
  const gateways = context.nodes.map((n) => gatewayOf(n.podCIDR).replace(/\.1$/, '.0'));
  const probes: SteadyStream[] = context.probes.map((probe) => ({
    everyMs: every(probe.periodSeconds * 1000 - 5, probe.periodSeconds * 1000 + 5),
    write: (out) => access(out, gatewayOf(context.podCIDR), probe.path, `kube-probe/${kubeMajor}.${kubeMinor}`),
  }));
  return {
    banner(out) {
      if (modern) for (const line of ENTRYPOINT) out.plain(line);
      if (!notices) return;
      const version = `${major}.${minor}.${patch}`;
      out.write(nginxError('notice', 'using the "epoll" event method'));
      out.write(nginxError('notice', `nginx/${version}`));
      out.write(nginxError('notice', 'built by gcc 12.2.0 (Debian 12.2.0-14) '));
      out.write(nginxError('notice', 'OS: Linux 4.4.0-141-generic'));
      out.write(nginxError('notice', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'));
      out.write(nginxError('notice', 'start worker processes'));
      const first = out.random.int(28, 40);
      for (let worker = 0; worker < 2; worker++) out.write(nginxError('notice', `start worker process ${first + worker}`));
    },
    steady: [
      ...probes,
      {
        everyMs: every(4_000, 45_000),
        write(out) {
          const client = gateways.length > 0 ? out.random.pick(gateways) : '10.244.0.0';
          const agent = out.random.pick(CLIENTS);
          access(out, client, '/', agent);
          if (agent.startsWith('Mozilla')) access(out, client, '/favicon.ico', agent);
        },
      },
    ],
  };
}
