/**
 * A generated cluster is a capture like any other: written to a file, served by kubefacade, read by real kubectl.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedCluster } from '../../../src/cluster/generate/index.js';
import { describeEachKubectl } from '../../support/kubectl.js';
import { type E2eServer, startE2eServer } from '../../support/e2e-server.js';

describeEachKubectl('a generated cluster served', (binary) => {
  let dir: string;
  let server: E2eServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefacade-generated-'));
    const file = join(dir, 'cluster.json');
    await writeGeneratedCluster({ nodes: 6, pods: 60, namespaces: 2, seed: 3, capturedAt: new Date('2026-01-01T00:00:00Z') }, { file });
    server = await startE2eServer({ cluster: { file } });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every pod with kubectl get pods -A', async () => {
    const result = await server.kubectl(binary, ['get', 'pods', '-A', '--no-headers']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(60);
  });

  it('prints the nodes Ready, control plane first', async () => {
    const result = await server.kubectl(binary, ['get', 'nodes', '--no-headers']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^control-plane-1\s+Ready\s+control-plane\s+\S+\s+v1\.33\.1$/);
  });

  it('selects a Deployment’s pods by its labels, as its Service and EndpointSlice do', async () => {
    const result = await server.kubectl(binary, ['get', 'endpointslices', '-A', '--no-headers']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/8080/);
  });
});
