import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAlive, type Target } from '../../bench/http.js';
import { JSON_ACCEPT, type Query, timeQueries } from '../../bench/measure-queries.js';

/** A server answering `size` bytes to any path, recording `name path` of each request into the shared log. */
async function recordingServer(name: string, size: number, log: string[]): Promise<{ server: Server; target: Target }> {
  const server = createServer((req, res) => {
    log.push(`${name} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': size }).end('x'.repeat(size));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, target: { host: '127.0.0.1', port: (server.address() as AddressInfo).port, headers: {} } };
}

describe('timing the queries', () => {
  const log: string[] = [];
  let servers: { server: Server; target: Target }[] = [];
  let large: { facade: Target; ceiling: Target };
  let small: { facade: Target; ceiling: Target };

  beforeAll(async () => {
    servers = await Promise.all([
      recordingServer('facade', 300, log),
      recordingServer('ceiling', 300, log),
      recordingServer('small-facade', 200, log),
      recordingServer('small-ceiling', 200, log),
    ]);
    const [facade, ceiling, smallFacade, smallCeiling] = servers.map((each) => each.target) as [Target, Target, Target, Target];
    large = { facade, ceiling };
    small = { facade: smallFacade, ceiling: smallCeiling };
  });
  beforeEach(() => void log.splice(0));
  afterAll(async () => {
    keepAlive.destroy();
    await Promise.all(servers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  });

  const namespaceQuery: Query = { name: 'one namespace', path: '/large-ns', smallerPath: '/small-ns', accept: JSON_ACCEPT, runs: 5 };

  it('compares the sizes by asking the two kubefacades in turn, then the two ceilings, each its own path', async () => {
    const [timing] = await timeQueries(large, [namespaceQuery], new Map(), small);
    // Five counted runs after ten warm-up runs, for each pair of servers in turn: this size's kubefacade and ceiling,
    // then the two kubefacades, then the two ceilings.
    const runs = (pair: string[]): string[] => Array.from({ length: 15 }, () => pair).flat();
    expect(log).toEqual([
      ...runs(['facade /large-ns', 'ceiling /large-ns']),
      ...runs(['facade /large-ns', 'small-facade /small-ns']),
      ...runs(['ceiling /large-ns', 'small-ceiling /small-ns']),
    ]);
    expect(timing).toMatchObject({ status: 200, bytes: 300, acrossSizes: { smallerBytes: 200 } });
    const { facade, ceiling } = timing?.acrossSizes ?? {};
    for (const figure of [timing?.facadeMs, timing?.ceilingMs, facade?.largerMs, facade?.smallerMs, ceiling?.largerMs, ceiling?.smallerMs]) {
      expect(figure).toBeGreaterThan(0);
    }
  });

  it('asks only this size when the query has no twin or no smaller servers are given', async () => {
    const list: Query = { name: 'full pod LIST (JSON)', path: '/pods', accept: JSON_ACCEPT, runs: 3 };
    const timings = await timeQueries(large, [list, namespaceQuery], new Map());
    expect(new Set(log)).toEqual(new Set(['facade /pods', 'ceiling /pods', 'facade /large-ns', 'ceiling /large-ns']));
    expect(timings.map((timing) => timing.acrossSizes)).toEqual([undefined, undefined]);
    log.splice(0);
    const [alone] = await timeQueries(large, [list], new Map(), small);
    expect(log.filter((line) => line.startsWith('small'))).toEqual([]);
    expect(alone?.acrossSizes).toBeUndefined();
  });

  it('times nothing for a query that already failed, and says why', async () => {
    const [timing] = await timeQueries(large, [namespaceQuery], new Map([['one namespace', 'kubefacade answered 500']]), small);
    expect(log).toEqual([]);
    expect(timing).toMatchObject({ facadeMs: undefined, error: 'kubefacade answered 500' });
  });
});
