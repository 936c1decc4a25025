import { SeededRandom } from '../../../random.js';
import { type ContainerLogContext, flag } from '../log-context.js';
import { capnslog } from '../log-formats.js';
import { every, type LogWriter, type ProcessLogs } from '../log-pattern.js';

/** Build facts of the etcd releases kubeadm shipped (etcd-io/etcd version/version.go, the release's go version). */
const BUILDS: Record<string, { sha: string; go: string }> = {
  '3.3.10': { sha: '27fc7e2', go: 'go1.10.4' },
  '3.3.15': { sha: '94745a4ee', go: 'go1.12.9' },
  '3.2.24': { sha: '420a45226', go: 'go1.8.7' },
};

/** An idle kubeadm cluster's apply rate: node Leases every 10 s and two leader-election Endpoints every 2 s. */
const APPLIES_PER_SECOND = 1.4;

/**
 * etcd 3.3 as a kubeadm static pod (single member, TLS): the capnslog start-up of etcdmain, embed and etcdserver,
 * raft electing itself, the cluster version set, then serving. Steady: the compaction the apiserver asks for every
 * 5 min (mvcc/kvstore_compaction.go), a snapshot every --snapshot-count applied entries (etcdserver/server.go), and
 * now and then a slow read-only range (etcdserver/util.go's "took too long").
 */
export function etcd(context: ContainerLogContext): ProcessLogs {
  const version = context.tag.replace(/-\d+$/, '') || '3.3.10';
  const build = BUILDS[version] ?? { sha: new SeededRandom(`etcd-sha/${version}`).hex(7), go: 'go1.10.4' };
  const name = flag(context, 'name') ?? context.nodeName;
  const dataDir = flag(context, 'data-dir') ?? '/var/lib/etcd';
  const peerUrl = flag(context, 'initial-advertise-peer-urls') ?? `https://${context.nodeIP}:2380`;
  const clientUrls = flag(context, 'advertise-client-urls') ?? `https://${context.nodeIP}:2379`;
  const listenClients = (flag(context, 'listen-client-urls') ?? clientUrls).split(',').map((url) => url.replace(/^https?:\/\//, ''));
  const snapshotCount = Number(flag(context, 'snapshot-count') ?? 100_000);
  // Member and cluster IDs are hashes of the configuration (etcdserver/membership), the same on every run.
  const ids = new SeededRandom(`etcd-member/${name}/${peerUrl}`);
  const member = ids.hex(16);
  const cluster = ids.hex(16);
  const tls = (kind: 'peerTLS' | 'ClientTLS', prefix: string): string =>
    `${kind}: cert = ${flag(context, `${prefix}cert-file`) ?? ''}, key = ${flag(context, `${prefix}key-file`) ?? ''}, ca = , trusted-ca = ${flag(context, `${prefix}trusted-ca-file`) ?? ''}, client-cert-auth = ${flag(context, `${prefix}client-cert-auth`) ?? 'false'}, crl-file = `;
  const term = 2 + context.restartCount;
  let startUs = 0;
  let lastSnapshot = context.restartCount === 0 ? 0 : snapshotCount;
  const applied = (out: LogWriter): number => Math.floor(((out.nowUs - startUs) / 1_000_000) * APPLIES_PER_SECOND) + 4 + lastSnapshot;
  const revision = (out: LogWriter): number => Math.floor(applied(out) * 0.7) + 200;
  return {
    banner(out) {
      startUs = out.nowUs;
      const i = (pkg: string, message: string): void => out.write(capnslog('I', pkg, message));
      i('etcdmain', `etcd Version: ${version}`);
      i('etcdmain', `Git SHA: ${build.sha}`);
      i('etcdmain', `Go Version: ${build.go}`);
      i('etcdmain', 'Go OS/Arch: linux/amd64');
      i('etcdmain', 'setting maximum number of CPUs to 2, total number of available CPUs is 2');
      if (context.restartCount > 0) out.write(capnslog('N', 'etcdmain', 'the server is already initialized as member before, starting as etcd member...'));
      i('embed', tls('peerTLS', 'peer-'));
      i('embed', `listening for peers on ${flag(context, 'listen-peer-urls') ?? peerUrl}`);
      for (const listen of listenClients) i('embed', `listening for client requests on ${listen}`);
      if (context.restartCount > 0) i('etcdserver', `recovered store from snapshot at index ${lastSnapshot}`);
      i('etcdserver', `name = ${name}`);
      i('etcdserver', `data dir = ${dataDir}`);
      i('etcdserver', `member dir = ${dataDir}/member`);
      i('etcdserver', 'heartbeat = 100ms');
      i('etcdserver', 'election = 1000ms');
      i('etcdserver', `snapshot count = ${snapshotCount}`);
      i('etcdserver', `advertise client URLs = ${clientUrls}`);
      if (context.restartCount === 0) {
        i('etcdserver', `initial advertise peer URLs = ${peerUrl}`);
        i('etcdserver', `initial cluster = ${flag(context, 'initial-cluster') ?? `${name}=${peerUrl}`}`);
        out.pause(5, 20);
        i('etcdserver', `starting member ${member} in cluster ${cluster}`);
        i('raft', `${member} became follower at term 0`);
        i('raft', `newRaft ${member} [peers: [], term: 0, commit: 0, applied: 0, lastindex: 0, lastterm: 0]`);
        i('raft', `${member} became follower at term 1`);
      } else {
        i('etcdserver', `restarting member ${member} in cluster ${cluster} at commit index ${lastSnapshot + 3}`);
        i('raft', `${member} became follower at term ${term - 1}`);
      }
      out.pause(5, 15);
      out.write(capnslog('W', 'auth', 'simple token is not cryptographically signed'));
      i('etcdserver', `starting server... [version: ${version}, cluster version: to_be_decided]`);
      i('etcdserver', `${member} as single-node; fast-forwarding 9 ticks (election ticks 10)`);
      i('etcdserver/membership', `added member ${member} [${peerUrl}] to cluster ${cluster}`);
      i('embed', tls('ClientTLS', ''));
      out.pause(200, 400);
      i('raft', `${member} is starting a new election at term ${term - 1}`);
      i('raft', `${member} became candidate at term ${term}`);
      i('raft', `${member} received MsgVoteResp from ${member} at term ${term}`);
      i('raft', `${member} became leader at term ${term}`);
      i('raft', `raft.node: ${member} elected leader ${member} at term ${term}`);
      if (context.restartCount === 0) {
        i('etcdserver', 'setting up the initial cluster version to 3.3');
        out.write(capnslog('N', 'etcdserver/membership', 'set the cluster version to 3.3'));
        i('etcdserver/api', 'enabled capabilities for version 3.3');
      }
      i('etcdserver', `published {Name:${name} ClientURLs:[${clientUrls}]} to cluster ${cluster}`);
      for (let n = 0; n < listenClients.length; n++) i('embed', 'ready to serve client requests');
      for (const listen of [...listenClients].reverse()) i('embed', `serving client requests on ${listen}`);
    },
    steady: [
      {
        everyMs: every(299_900, 300_100),
        write(out) {
          const compact = revision(out) - out.random.int(300, 450);
          out.write(capnslog('I', 'mvcc', `store.index: compact ${compact}`));
          out.pause(1, 4);
          out.write(capnslog('I', 'mvcc', `finished scheduled compaction at ${compact} (took ${(out.random.int(600, 4_000) / 1000).toFixed(6)}ms)`));
        },
      },
      {
        // Checked often, written only when the applied index has passed the next snapshot.
        everyMs: every(30_000, 30_001),
        write(out) {
          const index = applied(out);
          if (index - lastSnapshot <= snapshotCount) return;
          out.write(capnslog('I', 'etcdserver', `start to snapshot (applied: ${index}, lastsnap: ${lastSnapshot})`));
          out.pause(1, 5);
          out.write(capnslog('I', 'etcdserver', `saved snapshot at index ${index}`));
          out.write(capnslog('I', 'etcdserver', `compacted raft log at ${index - 5_000}`));
          lastSnapshot = index;
        },
      },
      {
        everyMs: every(6 * 60_000, 40 * 60_000),
        write(out) {
          const [key, size] = out.random.pick([
            ['/registry/services/endpoints/kube-system/kube-scheduler', 440],
            ['/registry/services/endpoints/kube-system/kube-controller-manager', 460],
            ['/registry/leases/kube-node-lease/' + out.random.pick(context.nodes.map((n) => n.name).concat(name)), 290],
            ['/registry/health', 0],
          ] as const);
          const count = key === '/registry/health' ? 0 : 1;
          out.write(
            capnslog(
              'W',
              'etcdserver',
              `read-only range request "key:\\"${key}\\" " with result "range_response_count:${count} size:${size + out.random.int(0, 9)}" took too long (${out.random.int(100, 480)}.${out.random.int(100_000, 999_999)}ms) to execute`,
            ),
          );
        },
      },
    ],
  };
}
