import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearerTokenFor, TOKEN_FILE } from '../../src/credentials/bearer-token.js';

describe('the bearer token', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefacade-token-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is generated at first start, kept in the state dir owner-only, and the same at the next start', async () => {
    const first = await bearerTokenFor({ stateDir: dir });
    expect(first).toMatchObject({ source: 'state-dir', notes: [`generated a new bearer token in ${join(dir, TOKEN_FILE)}: none was kept`] });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await readFile(join(dir, TOKEN_FILE), 'utf8')).toBe(`${first.token}\n`);
    expect((await stat(join(dir, TOKEN_FILE))).mode & 0o777).toBe(0o600);

    const second = await bearerTokenFor({ stateDir: dir });
    expect(second).toEqual({ token: first.token, source: 'state-dir', notes: [] });
  });

  it('is a new one when the kept file holds no token', async () => {
    await writeFile(join(dir, TOKEN_FILE), 'two words\n');
    const result = await bearerTokenFor({ stateDir: dir });
    expect(result.token).not.toBe('two words');
    expect(result.notes).toEqual([`generated a new bearer token in ${join(dir, TOKEN_FILE)}: the kept one was not a token`]);
  });

  it('is the given one when given, and the state dir is left alone', async () => {
    expect(await bearerTokenFor({ token: 'given-token', stateDir: dir })).toEqual({ token: 'given-token', source: 'given', notes: [] });
    await expect(stat(join(dir, TOKEN_FILE))).rejects.toThrow();
  });

  it('refuses a given token with a space', async () => {
    await expect(bearerTokenFor({ token: 'a b' })).rejects.toThrow('the token must be visible ASCII characters without spaces');
  });

  it('is made in memory, different each time, without a state dir', async () => {
    const [a, b] = await Promise.all([bearerTokenFor({}), bearerTokenFor({})]);
    expect(a.source).toBe('memory');
    expect(a.token).not.toBe(b.token);
  });
});
