/**
 * From 1.32 on, kubectl's typed clients (describe, cluster-info dump, logs, top, drain) ask for
 * `application/vnd.kubernetes.protobuf,application/json`, and decode what they get with the Go types generated from
 * k8s.io/api's generated.proto: real kubectl is the reference decoder of the server's protobuf. Each such kubectl
 * reads test/fixtures/captures/every-kind.yaml twice, straight from the server (protobuf) and through a proxy that
 * takes protobuf out of every Accept header (JSON), and must see the same:
 * - `cluster-info dump` writes the same objects back as JSON (the items' kind and apiVersion aside, which a typed
 *   list's items carry in JSON and not in protobuf);
 * - `describe` of every listable resource prints the same lines, for the same objects in the same order (Go prints a
 *   map's entries in a random order each time).
 * Older kubectl binaries ask for JSON only, which is checked too.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startJsonOnlyProxy, type JsonOnlyProxy } from '../../support/json-only-proxy.js';
import { describeEachKubectl } from '../../support/kubectl.js';
import { useE2eServer } from '../../support/e2e-server.js';
import { withClientAgesMasked } from '../../support/captures/output-sections.js';

const FIXTURE = 'test/fixtures/captures/every-kind.yaml';

/** The JSON lists cluster-info dump writes. */
const DUMPED = ['nodes.json', 'events.json', 'replication-controllers.json', 'services.json', 'daemonsets.json', 'deployments.json', 'replicasets.json', 'pods.json'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A dumped list item without its kind and apiVersion. */
function withoutTypeMeta(item: Json): Json {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = item as { [key: string]: Json };
  return rest;
}

const keyOf = (item: Json): string => {
  const { namespace, name } = (item as { metadata: { namespace?: string; name: string } }).metadata;
  return `${namespace ?? ''}/${name}`;
};
const byName = (items: Json[]): Json[] => [...items].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

/**
 * What a description says, whatever order Go's randomised map iteration gave the lines of a map (a Secret's data, a
 * LimitRange's limits): its lines sorted, beside the order of the objects described (their `Name:` lines).
 */
function content(description: string): { objects: string[]; lines: string[] } {
  const lines = withClientAgesMasked(description).split('\n');
  return { objects: lines.filter((line) => line.startsWith('Name:')), lines: [...lines].sort() };
}

describeEachKubectl('kubectl reads protobuf', (binary) => {
  const server = useE2eServer({ cluster: { file: FIXTURE } });
  let proxy: JsonOnlyProxy;
  let proxyKubeconfig: string;
  beforeAll(async () => {
    const { running, kubeconfig } = server();
    proxy = await startJsonOnlyProxy(running);
    proxyKubeconfig = `${kubeconfig}.json-only`;
    await writeFile(proxyKubeconfig, proxy.kubeconfigYaml, { mode: 0o600 });
  });
  afterAll(async () => {
    await proxy.close();
  });

  if (binary.minor < 32) {
    test('asks for JSON only: kubectl speaks protobuf from 1.32 on', async () => {
      const before = proxy.rewritten();
      const described = await server().kubectl(binary, [`--kubeconfig=${proxyKubeconfig}`, 'describe', 'pods,nodes,deployments.apps', '--all-namespaces']);
      expect(described.exitCode).toBe(0);
      expect(proxy.rewritten() - before).toBe(0);
    });
    return;
  }

  test('cluster-info dump writes back the same objects read in protobuf as read in JSON', async () => {
    const { kubeconfig } = server();
    const dump = async (config: string[], out: string): Promise<Map<string, Json[]>> => {
      const result = await server().kubectl(binary, [...config, 'cluster-info', 'dump', '--all-namespaces', `--output-directory=${out}`], 60_000);
      expect(result.exitCode).toBe(0);
      const lists = new Map<string, Json[]>();
      for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !DUMPED.includes(entry.name)) continue;
        const dumped = JSON.parse(await readFile(join(entry.parentPath, entry.name), 'utf8')) as { items: Json[] | null };
        lists.set(join(entry.parentPath, entry.name).slice(out.length + 1), byName((dumped.items ?? []).map(withoutTypeMeta)));
      }
      return lists;
    };
    const before = proxy.rewritten();
    const viaProtobuf = await dump([], `${kubeconfig}.dump-protobuf`);
    const viaJson = await dump([`--kubeconfig=${proxyKubeconfig}`], `${kubeconfig}.dump-json`);
    expect(proxy.rewritten() - before).toBeGreaterThan(10);
    expect([...viaProtobuf.keys()].sort()).toEqual([...viaJson.keys()].sort());
    let compared = 0;
    for (const [file, items] of viaJson) {
      expect({ file, items: viaProtobuf.get(file) }).toEqual({ file, items });
      compared += items.length;
    }
    expect(compared).toBeGreaterThan(50);
  });

  test('describe prints every listable resource the same read in protobuf as read in JSON', async () => {
    const listable = await server().kubectl(binary, ['api-resources', '--verbs=list', '-o', 'name']);
    // The fixture's CSRs hold truncated requests, which describe refuses to parse: they go last.
    const names = listable.stdout
      .trim()
      .split('\n')
      .filter((name) => name !== 'componentstatuses')
      .sort((a, b) => Number(a.startsWith('certificatesigningrequests')) - Number(b.startsWith('certificatesigningrequests')));
    expect(names.length).toBeGreaterThan(40);
    const args = ['describe', names.join(','), '--all-namespaces'];
    const rewrittenBefore = proxy.rewritten();
    const viaProtobuf = await server().kubectl(binary, args, 60_000);
    const viaJson = await server().kubectl(binary, [`--kubeconfig=${proxyKubeconfig}`, ...args], 60_000);
    expect(proxy.rewritten() - rewrittenBefore).toBeGreaterThan(40);
    expect(viaProtobuf.stdout.split('\n').length).toBeGreaterThan(5_000);
    expect({ exitCode: viaProtobuf.exitCode, stderr: viaProtobuf.stderr, stdout: content(viaProtobuf.stdout) }).toEqual({
      exitCode: viaJson.exitCode,
      stderr: viaJson.stderr,
      stdout: content(viaJson.stdout),
    });
  });
});
