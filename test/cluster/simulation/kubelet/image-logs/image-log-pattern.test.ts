import { imageLogPattern } from '../../../../../src/cluster/simulation/kubelet/image-logs/index.js';
import { type ContainerUnderTest, contextOf } from './image-log-context.js';

const START = Date.parse('2019-06-01T10:00:00Z');
const MINUTE = 60_000;

interface Line {
  atMs: number;
  text: string;
  banner: boolean;
}

/** Every line the container writes from START until `untilMs` after it, with the instant the kubelet appends it. */
function written(spec: ContainerUnderTest, untilMs: number): Line[] {
  const pattern = imageLogPattern(contextOf(spec), START);
  const lines: Line[] = [];
  for (let burst = pattern.next(); burst && burst.atMs <= START + untilMs; burst = pattern.next()) {
    for (const line of burst.lines) lines.push({ atMs: burst.atMs, text: line.text, banner: burst.banner });
  }
  return lines;
}

const texts = (lines: Line[]): string[] => lines.map((l) => l.text);
const banner = (spec: ContainerUnderTest): string[] => texts(written(spec, 10 * MINUTE).filter((l) => l.banner));
const steady = (spec: ContainerUnderTest, untilMs: number): Line[] => written(spec, untilMs).filter((l) => !l.banner);

const KLOG = /^[IWE]0601 10:0\d:\d\d\.\d{6} {7}1 [a-z_0-9]+\.(go|s):\d+\] /;
const CAPNSLOG = /^2019-06-01 10:00:\d\d\.\d{6} [INWE] \| [a-z/0-9]+: /;

const APISERVER = {
  image: 'k8s.gcr.io/kube-apiserver:v1.14.2',
  command: ['kube-apiserver', '--advertise-address=192.168.0.18', '--insecure-port=0', '--secure-port=6443'],
};
const ETCD = {
  image: 'k8s.gcr.io/etcd:3.3.10',
  command: [
    'etcd',
    '--advertise-client-urls=https://192.168.0.18:2379',
    '--initial-advertise-peer-urls=https://192.168.0.18:2380',
    '--listen-client-urls=https://127.0.0.1:2379,https://192.168.0.18:2379',
    '--name=node1',
    '--snapshot-count=10000',
  ],
};

describe('image logs: the start-up banner each image really prints', () => {
  test.each([
    [
      'kube-apiserver v1.14',
      APISERVER,
      [
        'Flag --insecure-port has been deprecated, This flag will be removed in a future version.',
        /server\.go:559\] external host was not specified, using 192\.168\.0\.18$/,
        /server\.go:146\] Version: v1\.14\.2$/,
      ],
    ],
    [
      'kube-controller-manager v1.14',
      { image: 'k8s.gcr.io/kube-controller-manager:v1.14.2', command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--bind-address=127.0.0.1'] },
      [/serving\.go:319\] Generated self-signed cert in-memory$/, /controllermanager\.go:155\] Version: v1\.14\.2$/],
    ],
    ['kube-scheduler v1.14', { image: 'k8s.gcr.io/kube-scheduler:v1.14.2' }, [/serving\.go:319\] Generated self-signed cert in-memory$/]],
    [
      'kube-proxy v1.14',
      { image: 'k8s.gcr.io/kube-proxy:v1.14.2', nodeName: 'node2' },
      [/^W0601 .* proxier\.go:498\] Failed to load kernel module ip_vs with modprobe\. /],
    ],
    [
      'etcd 3.3.10',
      ETCD,
      [
        / I \| etcdmain: etcd Version: 3\.3\.10$/,
        / I \| etcdmain: Git SHA: 27fc7e2$/,
        / I \| etcdmain: Go Version: go1\.10\.4$/,
        / I \| etcdmain: Go OS\/Arch: linux\/amd64$/,
      ],
    ],
    [
      'coredns 1.3.1',
      { image: 'k8s.gcr.io/coredns:1.3.1', args: ['-conf', '/etc/coredns/Corefile'] },
      ['.:53', /^2019-06-01T10:00:00\.\d{3}Z \[INFO\] CoreDNS-1\.3\.1$/, /\[INFO\] linux\/amd64, go1\.11\.4, 6b56a9c$/, 'CoreDNS-1.3.1'],
    ],
    [
      'weave-kube 2.5.2',
      { image: 'weaveworks/weave-kube:2.5.2', nodeName: 'node2' },
      [
        /^DEBU: 2019\/06\/01 10:00:00\.\d{6} \[kube-peers\] Checking peer "([0-9a-f]{2}:){5}[0-9a-f]{2}" against list &\{\[\]\}$/,
        'Peer not in list; removing persisted data',
      ],
    ],
    [
      'weave-npc 2.5.2',
      { image: 'weaveworks/weave-npc:2.5.2', nodeName: 'node2' },
      [/^INFO: 2019\/06\/01 10:00:00\.\d{6} Starting Weaveworks NPC 2\.5\.2; node name "node2"$/],
    ],
    ['mysql 5.7', { image: 'mysql:5.7', namespace: 'default' }, ['Initializing database']],
    ['redis 5', { image: 'redis:5', namespace: 'default' }, [/^1:C 01 Jun 2019 10:00:00\.\d{3} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo$/]],
  ] as [string, ContainerUnderTest, (string | RegExp)[]][])('%s', (_name, spec, first) => {
    const lines = banner(spec);
    first.forEach((expected, i) => {
      if (typeof expected === 'string') expect(lines[i]).toBe(expected);
      else expect(lines[i]).toMatch(expected);
    });
  });

  test('the Kubernetes components write klog headers stamped at the instant of each line, in order', () => {
    for (const image of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy']) {
      const lines = written({ image: `k8s.gcr.io/${image}:v1.14.2`, command: [image, '--allocate-node-cidrs=true'] }, 10 * MINUTE).filter((l) =>
        l.text.match(/^[IWE]\d{4} /),
      );
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(line.text).toMatch(KLOG);
        // The header's time is when the process wrote the line: never after the kubelet appends it.
        const [, hh, mm, ss, micros] = /^.\d{4} (\d\d):(\d\d):(\d\d)\.(\d{6})/.exec(line.text) ?? [];
        const headerMs = Date.parse(`2019-06-01T${hh}:${mm}:${ss}Z`) + Number(micros) / 1000;
        expect(headerMs).toBeLessThanOrEqual(line.atMs);
        expect(line.atMs - headerMs).toBeLessThan(150);
      }
      const atMs = lines.map((l) => l.atMs);
      expect([...atMs].sort((a, b) => a - b)).toEqual(atMs);
    }
  });

  test('etcd writes capnslog lines, elects itself and serves the clients of its flags', () => {
    const lines = banner(ETCD);
    for (const line of lines) expect(line).toMatch(CAPNSLOG);
    expect(lines).toContainEqual(expect.stringMatching(/ I \| etcdserver: snapshot count = 10000$/));
    expect(lines).toContainEqual(expect.stringMatching(/ I \| raft: [0-9a-f]{16} became leader at term 2$/));
    expect(lines).toContainEqual(expect.stringMatching(/ N \| etcdserver\/membership: set the cluster version to 3\.3$/));
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/serving client requests on 192\.168\.0\.18:2379$/),
      expect.stringMatching(/serving client requests on 127\.0\.0\.1:2379$/),
    ]);
  });

  test('a restarted etcd or mysql finds its data: no initialisation the second time', () => {
    expect(banner({ ...ETCD, restartCount: 1 })).toContainEqual(expect.stringMatching(/etcdmain: the server is already initialized as member before/));
    const mysql = banner({ image: 'mysql:5.7', restartCount: 1 });
    expect(mysql).not.toContain('Initializing database');
    expect(mysql.at(-1)).toBe("Version: '5.7.26'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)");
  });

  test('the controller manager assigns the pod ranges of the nodes it finds', () => {
    const lines = banner({ image: 'k8s.gcr.io/kube-controller-manager:v1.14.2', command: ['kube-controller-manager', '--allocate-node-cidrs=true'] });
    expect(lines.filter((l) => l.includes('range_allocator.go:310')).map((l) => l.replace(/^.*\] /, ''))).toEqual([
      'Set node node1 PodCIDR to 10.244.0.0/24',
      'Set node node2 PodCIDR to 10.244.1.0/24',
      'Set node node3 PodCIDR to 10.244.2.0/24',
    ]);
  });

  test('weave connects to the peers already up and is refused by the others', () => {
    const lines = banner({ image: 'weaveworks/weave-kube:2.5.2', nodeName: 'node1' });
    expect(lines).toContainEqual(
      expect.stringMatching(/->\[192\.168\.0\.17:6783\|([0-9a-f]{2}:){5}[0-9a-f]{2}\(node2\)\]: connection ready; using protocol version 2$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/->\[192\.168\.0\.16:6783\] error during connection attempt: .*connection refused$/));
    expect(lines).not.toContainEqual(expect.stringMatching(/\(node3\)\]: connection ready/));
  });

  test('nginx 1.17 starts silently; the images from 1.19 report their entrypoint', () => {
    expect(banner({ image: 'nginx:1.17', namespace: 'default' })).toEqual([]);
    expect(banner({ image: 'nginx:1.27', namespace: 'default' })).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });

  test('an image it does not know says it started and nothing more', () => {
    expect(texts(written({ image: 'example.com/team/api:2.0' }, 60 * MINUTE))).toEqual([
      expect.stringMatching(/^2019-06-01T10:00:00\.\d{3}Z INFO starting api$/),
    ]);
  });
});

describe('image logs: the steady state', () => {
  test('kube-apiserver v1.14.0 logs the OpenAPI pass over its delegation chain every second; 1.14.1 on does not', () => {
    const chain = (lines: Line[]) =>
      lines.filter((l) => l.text.includes('] OpenAPI AggregationController: Processing item k8s_internal_local_delegation_chain_'));
    const spam = chain(steady({ ...APISERVER, image: 'k8s.gcr.io/kube-apiserver:v1.14.0' }, 5 * MINUTE));
    expect(spam.length).toBeGreaterThanOrEqual(2 * 270);
    expect(spam[0]?.text).toMatch(/ controller\.go:102\] OpenAPI AggregationController: Processing item k8s_internal_local_delegation_chain_0000000001$/);
    expect(spam[1]?.text).toMatch(/ controller\.go:102\] OpenAPI AggregationController: Processing item k8s_internal_local_delegation_chain_0000000002$/);
    expect(chain(steady(APISERVER, 60 * MINUTE))).toEqual([]);
  });

  test('kube-apiserver writes a watch error as etcd compacts, and now and then the trace of a slow write', () => {
    const lines = steady(APISERVER, 6 * 60 * MINUTE);
    expect(
      lines.filter((l) => l.text.endsWith('watcher.go:208] watch chan error: etcdserver: mvcc: required revision has been compacted')).length,
    ).toBeGreaterThan(20);
    const trace = lines.find((l) => l.text.includes('trace.go:81]'));
    expect(trace?.text).toMatch(
      /^I0601 \d\d:\d\d:\d\d\.\d{6} {7}1 trace\.go:81\] Trace\[\d+\]: "GuaranteedUpdate etcd3: \*coordination\.Lease" \(started: 2019-06-01 \d\d:\d\d:\d\d\.\d{9} \+0000 UTC m=\+\d+\.\d{9}\) \(total time: \d+\.\dms\):$/,
    );
  });

  test('etcd compacts every 5 minutes and snapshots after --snapshot-count entries', () => {
    const lines = steady(ETCD, 3 * 60 * MINUTE);
    const compactions = lines.filter((l) => / I \| mvcc: store\.index: compact \d+$/.test(l.text));
    expect(compactions.length).toBeGreaterThanOrEqual(35);
    expect(compactions.length).toBeLessThanOrEqual(36);
    const revisions = compactions.map((l) => Number(l.text.split(' ').at(-1)));
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(lines).toContainEqual(
      expect.objectContaining({ text: expect.stringMatching(/ I \| etcdserver: start to snapshot \(applied: \d+, lastsnap: 0\)$/) }),
    );
  });

  test('nginx logs the kubelet’s probes every period, from the node’s bridge, and clients in between', () => {
    const lines = steady({ image: 'nginx:1.17', namespace: 'default', nodeName: 'node2', readinessPath: '/healthz' }, 10 * MINUTE);
    const probes = lines.filter((l) => l.text.includes('kube-probe/1.14'));
    expect(probes.length).toBeGreaterThanOrEqual(59);
    expect(probes[0]?.text).toMatch(/^10\.244\.1\.1 - - \[01\/Jun\/2019:10:00:\d\d \+0000\] "GET \/healthz HTTP\/1\.1" 200 0 "-" "kube-probe\/1\.14" "-"$/);
    const clients = lines.filter((l) => !l.text.includes('kube-probe'));
    expect(clients.length).toBeGreaterThan(10);
    for (const line of clients)
      expect(line.text).toMatch(
        /^10\.244\.\d\.0 - - \[01\/Jun\/2019:10:\d\d:\d\d \+0000\] "GET \/(favicon\.ico)? HTTP\/1\.1" (200 612|404 153) "-" "[^"]+" "-"$/,
      );
  });

  test('the controller manager, scheduler and proxy show only their informers relisting', () => {
    for (const image of ['kube-controller-manager', 'kube-scheduler', 'kube-proxy']) {
      const lines = steady({ image: `k8s.gcr.io/${image}:v1.14.2` }, 2 * 60 * MINUTE);
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) {
        expect(line.text).toMatch(
          /^W0601 1[01]:\d\d:\d\d\.\d{6} {7}1 reflector\.go:289\] k8s\.io\/client-go\/informers\/factory\.go:133: watch of \*v1(beta1)?\.\w+ ended with: too old resource version: \d+ \(\d+\)$/,
        );
      }
    }
  });

  test('coredns and weave-npc stay quiet once started', () => {
    expect(steady({ image: 'k8s.gcr.io/coredns:1.3.1' }, 60 * MINUTE)).toEqual([]);
    expect(steady({ image: 'weaveworks/weave-npc:2.5.2' }, 60 * MINUTE)).toEqual([]);
  });
});

describe('image logs: deterministic for a seed', () => {
  const images: ContainerUnderTest[] = [
    APISERVER,
    ETCD,
    { image: 'k8s.gcr.io/kube-controller-manager:v1.14.2' },
    { image: 'k8s.gcr.io/kube-proxy:v1.14.2' },
    { image: 'weaveworks/weave-kube:2.5.2' },
    { image: 'nginx:1.17', namespace: 'default' },
    { image: 'mysql:5.7', namespace: 'default' },
  ];

  test.each(images.map((spec) => [spec.image, spec] as const))('%s writes the same lines for the same seed, others for another', (_image, spec) => {
    const once = written({ ...spec, seed: 7 }, 90 * MINUTE);
    expect(written({ ...spec, seed: 7 }, 90 * MINUTE)).toEqual(once);
    expect(written({ ...spec, seed: 8 }, 90 * MINUTE)).not.toEqual(once);
  });

  test('two replicas differ where real ones would: times, peers, clients', () => {
    const web = (pod: string): string[] => texts(written({ image: 'nginx:1.17', namespace: 'default', pod }, 30 * MINUTE));
    expect(web('web-1')).not.toEqual(web('web-2'));
    const weave = (nodeName: string): string[] => banner({ image: 'weaveworks/weave-kube:2.5.2', nodeName });
    const ourName = (lines: string[]): string | undefined => lines.find((l) => l.includes('Our name is'))?.replace(/^.*Our name is /, '');
    expect(ourName(weave('node1'))).not.toEqual(ourName(weave('node2')));
    expect(ourName(weave('node1'))).toEqual(ourName(banner({ image: 'weaveworks/weave-kube:2.5.2', nodeName: 'node1', seed: 99 })));
  });
});
