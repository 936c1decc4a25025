import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servingMaterialFor } from '../../src/tls/index.js';

const NOW = new Date('2025-03-01T10:00:00Z');
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'kubefacade-tls-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('the serving certificate', () => {
  it('is signed by the CA, for serving, and covers loopback by IP and name', async () => {
    const { material } = await servingMaterialFor({ host: '127.0.0.1', now: NOW });
    const ca = new X509Certificate(material.ca.certPem);
    const leaf = new X509Certificate(material.serving.certPem);

    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('::1')).toBe('::1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('10.0.0.1')).toBeUndefined();
    expect(leaf.checkHost('example.com')).toBeUndefined();
  });

  it.each([
    ['an IP address', '192.168.1.20', (leaf: X509Certificate) => leaf.checkIP('192.168.1.20')],
    ['a DNS name', 'talk-laptop.local', (leaf: X509Certificate) => leaf.checkHost('talk-laptop.local')],
  ])('also covers a host given as %s', async (_kind, host, check) => {
    const { material } = await servingMaterialFor({ host, now: NOW });
    expect(check(new X509Certificate(material.serving.certPem))).toBeDefined();
  });

  it('is valid from shortly before now for a year, under a ten-year CA', async () => {
    const { material } = await servingMaterialFor({ host: '127.0.0.1', now: NOW });
    const leaf = new X509Certificate(material.serving.certPem);
    const ca = new X509Certificate(material.ca.certPem);
    expect(Date.parse(leaf.validFrom)).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(leaf.validTo)).toBeGreaterThan(NOW.getTime() + YEAR_MS - 2 * 24 * 60 * 60 * 1000);
    expect(Date.parse(ca.validTo)).toBeGreaterThan(NOW.getTime() + 9 * YEAR_MS);
  });

  it('has a key that belongs to it', async () => {
    const { material } = await servingMaterialFor({ host: '127.0.0.1', now: NOW });
    const { createPrivateKey } = await import('node:crypto');
    expect(new X509Certificate(material.serving.certPem).checkPrivateKey(createPrivateKey(material.serving.keyPem))).toBe(true);
  });
});

describe('the state dir', () => {
  it('receives the CA and serving certificate, keys readable by their owner only', async () => {
    const { material, notes } = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    expect(await readFile(join(stateDir, 'ca.crt'), 'utf8')).toBe(material.ca.certPem);
    expect(await readFile(join(stateDir, 'serving.key'), 'utf8')).toBe(material.serving.keyPem);
    expect((await stat(join(stateDir, 'ca.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(stateDir, 'serving.key'))).mode & 0o777).toBe(0o600);
    expect(notes).toHaveLength(2);
  });

  it('is reused on the next start, so kubeconfigs written earlier stay valid', async () => {
    const first = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    const second = await servingMaterialFor({ stateDir, host: 'localhost', now: new Date(NOW.getTime() + 30 * 24 * 60 * 60 * 1000) });
    expect(second.material).toEqual(first.material);
    expect(second.notes).toEqual([]);
  });

  it('gets a new serving certificate, under the same CA, when the host is not covered', async () => {
    const first = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    const second = await servingMaterialFor({ stateDir, host: '192.168.1.20', now: NOW });
    expect(second.material.ca).toEqual(first.material.ca);
    expect(second.material.serving.certPem).not.toBe(first.material.serving.certPem);
    expect(new X509Certificate(second.material.serving.certPem).checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(second.notes).toEqual([expect.stringContaining('does not cover 192.168.1.20')]);
  });

  it('gets a new serving certificate when the kept one expires within a week', async () => {
    const first = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    const later = new Date(NOW.getTime() + YEAR_MS - 3 * 24 * 60 * 60 * 1000);
    const second = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: later });
    expect(second.material.ca).toEqual(first.material.ca);
    expect(second.material.serving.certPem).not.toBe(first.material.serving.certPem);
    expect(second.notes).toEqual([expect.stringContaining('expires within a week')]);
  });

  it.each([['serving.crt'], ['serving.key']])('gets a new serving certificate when %s is missing', async (file) => {
    const first = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    await unlink(join(stateDir, file));
    const second = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    expect(second.material.ca).toEqual(first.material.ca);
    expect(second.material.serving.certPem).not.toBe(first.material.serving.certPem);
  });

  it('gets a new CA, and so a new serving certificate, when the CA key does not match', async () => {
    const first = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    const other = await servingMaterialFor({ host: '127.0.0.1', now: NOW });
    await writeFile(join(stateDir, 'ca.key'), other.material.ca.keyPem);
    const second = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    expect(second.material.ca.certPem).not.toBe(first.material.ca.certPem);
    expect(second.notes).toEqual([expect.stringContaining('key does not belong'), expect.stringContaining('not signed by the CA')]);
    const leaf = new X509Certificate(second.material.serving.certPem);
    expect(leaf.verify(new X509Certificate(second.material.ca.certPem).publicKey)).toBe(true);
  });

  it('gets a new CA when the kept one is not PEM', async () => {
    await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    await writeFile(join(stateDir, 'ca.crt'), 'not a certificate');
    const second = await servingMaterialFor({ stateDir, host: '127.0.0.1', now: NOW });
    expect(second.notes[0]).toContain('unreadable');
  });
});
