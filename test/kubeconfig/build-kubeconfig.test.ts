import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { buildKubeconfig, serverAddress, serverUrl, writeKubeconfig } from '../../src/kubeconfig/index.js';

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----\n';

function load(text: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(text);
  return config;
}

describe('a kubeconfig for an https server', () => {
  const config = load(buildKubeconfig({ server: 'https://127.0.0.1:6443', caPem: CA_PEM }));

  it('has one cluster, user and context named kubefacade, the context current', () => {
    expect(config.getCurrentContext()).toBe('kubefacade');
    expect(config.getContexts()).toEqual([{ name: 'kubefacade', cluster: 'kubefacade', user: 'kubefacade' }]);
    expect(config.getClusters().map((c) => c.name)).toEqual(['kubefacade']);
    expect(config.getUsers().map((u) => u.name)).toEqual(['kubefacade']);
  });

  it('points at the server and trusts the CA, given as base64 PEM', () => {
    const cluster = config.getCurrentCluster();
    expect(cluster?.server).toBe('https://127.0.0.1:6443');
    expect(Buffer.from(cluster?.caData ?? '', 'base64').toString('utf8')).toBe(CA_PEM);
    expect(cluster?.skipTLSVerify).toBe(false);
  });

  it('without a token, gives the user no credentials, only a username so that kubectl does not prompt for one', () => {
    const user = config.getCurrentUser();
    expect(user).toMatchObject({ name: 'kubefacade', username: 'anonymous' });
    for (const credential of ['token', 'certData', 'keyData', 'password', 'exec', 'authProvider'] as const) {
      expect(user?.[credential] ?? undefined).toBeUndefined();
    }
    const raw = yaml.load(buildKubeconfig({ server: 'https://127.0.0.1:6443', caPem: CA_PEM })) as { users: unknown[] };
    expect(raw.users).toEqual([{ name: 'kubefacade', user: { username: 'anonymous' } }]);
  });
});

describe("a kubeconfig carrying the server's token", () => {
  const text = buildKubeconfig({ server: 'https://127.0.0.1:6443', caPem: CA_PEM, token: 'kf-token' });

  it('gives the user the token and nothing else, so every client sends it as a bearer token', () => {
    const raw = yaml.load(text) as { users: unknown[] };
    expect(raw.users).toEqual([{ name: 'kubefacade', user: { token: 'kf-token' } }]);
    expect(load(text).getCurrentUser()).toMatchObject({ name: 'kubefacade', token: 'kf-token' });
  });
});

describe('a kubeconfig for an http server', () => {
  it('has no CA, and skips verification, without which client-node refuses http', () => {
    const text = buildKubeconfig({ server: 'http://127.0.0.1:8080' });
    expect(text).not.toContain('certificate-authority');
    expect(load(text).getCurrentCluster()).toMatchObject({ server: 'http://127.0.0.1:8080', skipTLSVerify: true });
  });
});

describe('kubeconfig.example', () => {
  it('points at https://127.0.0.1:6443 and skips TLS verification', () => {
    const example = load(readFileSync(new URL('../../kubeconfig.example', import.meta.url), 'utf8'));
    expect(example.getCurrentCluster()).toMatchObject({ name: 'kubefacade', server: 'https://127.0.0.1:6443', skipTLSVerify: true });
    expect(example.getCurrentUser()).toMatchObject({ name: 'kubefacade', username: 'anonymous' });
  });
});

describe('the address clients dial', () => {
  it.each([
    ['127.0.0.1', 6443, false, '127.0.0.1:6443', 'https://127.0.0.1:6443'],
    ['localhost', 6443, false, 'localhost:6443', 'https://localhost:6443'],
    ['::1', 8443, false, '[::1]:8443', 'https://[::1]:8443'],
    ['0.0.0.0', 6443, true, '127.0.0.1:6443', 'http://127.0.0.1:6443'],
    ['::', 6443, false, '[::1]:6443', 'https://[::1]:6443'],
    ['192.168.1.20', 40000, true, '192.168.1.20:40000', 'http://192.168.1.20:40000'],
  ])('for %s port %d (http %s) is %s, URL %s', (host, port, http, address, url) => {
    expect(serverAddress(host, port)).toBe(address);
    expect(serverUrl(host, port, http)).toBe(url);
  });
});

describe('writing a kubeconfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefacade-kubeconfig-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates its directory and leaves the file readable by its owner only', async () => {
    const file = join(dir, 'nested', 'kubeconfig');
    await writeKubeconfig(file, 'apiVersion: v1\n');
    expect(await readFile(file, 'utf8')).toBe('apiVersion: v1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
