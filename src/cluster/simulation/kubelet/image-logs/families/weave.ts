import { SeededRandom } from '../../../random.js';
import type { ContainerLogContext, PeerNode } from '../log-context.js';
import { goLog, ulogd } from '../log-formats.js';
import { every, type ProcessLogs } from '../log-pattern.js';

/** A random locally administered unicast MAC address, as weave makes its peer names and bridge addresses. */
function randomMac(random: SeededRandom): string {
  return Array.from({ length: 6 }, (_, i) => (i === 0 ? (random.int(0, 255) & 0xfe) | 0x02 : random.int(0, 255)).toString(16).padStart(2, '0')).join(':');
}

/** A weave peer's name: a MAC derived from the machine (its product UUID), the same on every run. */
function peerName(node: string): string {
  return randomMac(new SeededRandom(`weave-peer/${node}`));
}

const VERSION_DEFAULT = '2.5.2';

/**
 * weave-kube (prog/weaver, launch.sh): the kube-peers check, its command line, the router starting, a connection
 * attempt to every node's address and the handshake with those already up. Steady: MACs of new pods discovered
 * on other peers (router/network_router.go).
 */
export function weaveKube(context: ContainerLogContext): ProcessLogs {
  const version = context.tag || VERSION_DEFAULT;
  const me = peerName(context.nodeName);
  const others = context.nodes.filter((n) => n.name !== context.nodeName && n.ip);
  // A peer answers once weave runs there, which is what turned its node Ready; the others refuse for now.
  const up = others.filter((n) => n.ready);
  const down = others.filter((n) => !n.ready);
  const peer = (node: PeerNode): string => `${peerName(node.name)}(${node.name})`;
  return {
    banner(out) {
      out.write(goLog('DEBU', `[kube-peers] Checking peer "${me}" against list &{[]}`));
      out.plain('Peer not in list; removing persisted data');
      out.pause(50, 150);
      out.write(
        goLog(
          'INFO',
          `Command line options: map[conn-limit:100 datapath:datapath db-prefix:/weavedb/weave-net docker-api: expect-npc:true host-root:/host http-addr:127.0.0.1:6784 ipalloc-init:consensus=${context.nodes.length} ipalloc-range:10.32.0.0/12 metrics-addr:0.0.0.0:6782 name:${me} nickname:${context.nodeName} no-dns:true port:6783]`,
        ),
      );
      out.write(goLog('INFO', `weave  ${version}`));
      out.pause(100, 400);
      out.write(goLog('INFO', 'Bridge type is bridged_fastdp'));
      out.write(goLog('INFO', 'Communication between peers is unencrypted.'));
      out.write(goLog('INFO', `Our name is ${me}(${context.nodeName})`));
      out.write(goLog('INFO', `Launch detected - using supplied peer list: [${context.nodes.map((n) => n.ip).join(' ')}]`));
      out.write(goLog('INFO', 'Checking for pre-existing addresses on weave bridge'));
      out.write(goLog('INFO', `[allocator ${me}] No valid persisted data`));
      out.write(goLog('INFO', `[allocator ${me}] Initialising via deferred consensus`));
      out.write(goLog('INFO', 'Sniffing traffic on datapath (via ODP)'));
      for (const node of context.nodes) out.write(goLog('INFO', `->[${node.ip}:6783] attempting connection`));
      const self = context.nodes.find((n) => n.name === context.nodeName);
      if (self) out.write(goLog('INFO', `->[${self.ip}:6783|${me}(${context.nodeName})]: connection shutting down due to error: cannot connect to ourself`));
      out.write(goLog('INFO', 'Listening for HTTP control messages on 127.0.0.1:6784'));
      out.write(goLog('INFO', 'Listening for metrics requests on 0.0.0.0:6782'));
      for (const node of down) {
        out.write(goLog('INFO', `->[${node.ip}:6783] error during connection attempt: dial tcp4 :0->${node.ip}:6783: connect: connection refused`));
      }
      for (const node of up) {
        out.pause(2, 30);
        out.write(goLog('INFO', `->[${node.ip}:6783|${peer(node)}]: connection ready; using protocol version 2`));
        out.write(goLog('INFO', `overlay_switch ->[${peer(node)}] using fastdp`));
        out.write(goLog('INFO', `->[${node.ip}:6783|${peer(node)}]: connection added (new peer)`));
      }
      out.pause(300, 900);
      for (const node of up) {
        out.write(goLog('INFO', `->[${node.ip}:6783|${peer(node)}]: connection fully established`));
        out.write(goLog('INFO', `sleeve ->[${node.ip}:6783|${peer(node)}]: Effective MTU verified at 1438`));
      }
      out.write(goLog('INFO', `[kube-peers] Added myself to peer list &{[{${me} ${context.nodeName}}]}`));
      out.write(goLog('DEBU', '[kube-peers] Nodes that have disappeared: map[]'));
    },
    steady:
      others.length === 0
        ? []
        : [
            {
              everyMs: every(90_000, 12 * 60_000),
              write(out) {
                const node = out.random.pick(others);
                out.write(goLog('INFO', `Discovered remote MAC ${randomMac(out.random)} at ${peer(node)}`));
              },
            },
          ],
  };
}

/**
 * weave-npc (prog/weave-npc): its version and node, the ulogd it runs for NFLOG, then the namespaces it finds.
 * Pod events follow the cluster's own changes, which a container's log does not see here: it stays quiet.
 */
export function weaveNpc(context: ContainerLogContext): ProcessLogs {
  const version = context.tag || VERSION_DEFAULT;
  return {
    banner(out) {
      out.write(goLog('INFO', `Starting Weaveworks NPC ${version}; node name "${context.nodeName}"`));
      out.write(goLog('INFO', 'Serving /metrics on :6781'));
      for (const plugin of ['NFLOG', 'BASE', 'PCAP']) out.write(ulogd('ulogd.c:408', `registering plugin \`${plugin}'`));
      out.write(ulogd('ulogd.c:981', "building new pluginstance stack: 'log1:NFLOG,base1:BASE,pcap1:PCAP'"));
      out.plain('WARNING: scheduler configuration failed: Function not implemented');
      out.write(goLog('DEBU', 'Got list of ipsets: []'));
      for (const namespace of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
        out.write(
          goLog(
            'INFO',
            `EVENT AddNamespace {"metadata":{"name":"${namespace}","selfLink":"/api/v1/namespaces/${namespace}"},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}`,
          ),
        );
      }
    },
    steady: [],
  };
}
