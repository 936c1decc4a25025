/**
 * Python's official client (Debian's python3-kubernetes, 22.6) reading every kind of every-kind.yaml with its
 * DynamicClient: nothing but discovery tells it what exists. dynamic-client.py lists every resource discovery says
 * can be listed and reads each custom resource back by its kind; what it got must be what the server holds. The
 * server answers requests without the kubeconfig's token 401, so the client reads the kubeconfig's user as written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeWithClient, findInterpreter, lineAfter, records, succeeded, useClientProcesses } from './client-process.js';
import { EVERY_KIND, firstCustomResources, heldObjects, labelOf, listableResources, type ServedResource } from './served-resources.js';

const SCRIPT = fileURLToPath(new URL('./dynamic-client.py', import.meta.url));

// Debian's package installs for the system interpreter, which a python3 earlier on PATH (pyenv's) does not see.
const python = findInterpreter(
  ['python3', '/usr/bin/python3'],
  ['-c', 'import kubernetes; print(kubernetes.__version__)'],
  'apt-get install python3-kubernetes',
);

describeWithClient('the Python kubernetes DynamicClient reading every kind through discovery', python, (command) => {
  const server = useE2eServer({ cluster: { file: EVERY_KIND }, anonymousAuth: false });
  const processes = useClientProcesses();
  let dir = '';
  let stdout = '';
  let listable: ServedResource[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefacade-python-'));
    // TMPDIR: the CA file load_kube_config writes goes to the suite's folder, not the machine's.
    const run = await processes.run(command, [SCRIPT, server().kubeconfig, join(dir, 'discovery.json')], { timeoutMs: 40_000, env: { TMPDIR: dir } });
    stdout = succeeded('dynamic-client.py', run);
    listable = await listableResources(server());
  }, 50_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('is the kubernetes package the probe found', () => {
    expect(lineAfter(stdout, 'version')).toBe(python.found ? python.version : undefined);
  });

  it('lists without an error every resource discovery offers for list, in every group and version', () => {
    expect(records(stdout, 'listfailed').map((fields) => fields.join(' '))).toEqual([]);
    expect(
      records(stdout, 'list')
        .map(([label]) => label)
        .sort(),
    ).toEqual(listable.map(labelOf).sort());
    // Built-in groups, custom resources (both versions of one CRD), a kind no CRD defines and metrics-server's.
    expect(listable.map(labelOf)).toEqual(
      expect.arrayContaining([
        'v1/Pod',
        'apps/v1/Deployment',
        'example.com/v1/Widget',
        'example.com/v1beta1/Widget',
        'cert-manager.io/v1/Certificate',
        'metrics.k8s.io/v1beta1/PodMetrics',
      ]),
    );
  });

  it('gets as many objects of each resource as the server holds', () => {
    const got = Object.fromEntries(records(stdout, 'list').map(([label, count]) => [label, Number(count)]));
    const held = Object.fromEntries(listable.map((resource) => [labelOf(resource), heldObjects(server(), resource).length]));
    expect(got).toEqual(held);
    expect(Object.values(held).reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
  });

  it('reads each custom resource back by its kind, in every served version, as the server holds it', () => {
    expect(records(stdout, 'getfailed').map((fields) => fields.join(' '))).toEqual([]);
    const expected = firstCustomResources(server()).map((cr) => [cr.label, cr.key, cr.uid, cr.resourceVersion]);
    expect(expected.map(([label]) => label).sort()).toEqual([
      'example.com/v1/Widget',
      'example.com/v1beta1/Widget',
      'policy.example.io/v1alpha1/ClusterPolicy',
    ]);
    expect(records(stdout, 'get').sort()).toEqual(expected.sort());
  });
});
