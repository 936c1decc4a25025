import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponseReader } from '../../bench/http-response-reader.js';
import { openLoopLoad } from '../../bench/open-loop-load.js';

const lengthResponse = (status: number, body: string): string =>
  `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const chunkedResponse = (chunks: string[]): string =>
  `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${chunks.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`).join('')}0\r\n\r\n`;

/** Feeds the bytes in pieces of `size` and returns the statuses the reader completed. */
function read(bytes: string, size: number): number[] {
  const reader = new HttpResponseReader();
  const statuses: number[] = [];
  const data = Buffer.from(bytes, 'latin1');
  for (let at = 0; at < data.length; at += size) reader.feed(data.subarray(at, at + size), (status) => statuses.push(status));
  return statuses;
}

describe('the GET load', () => {
  const stream = [
    lengthResponse(200, '{"kind":"Pod"}'),
    chunkedResponse(['{"items":[', '{"a":"0\\r\\n\\r\\n"}', ']}']),
    lengthResponse(404, ''),
    lengthResponse(200, 'x'.repeat(5000)),
  ].join('');

  it.each([1, 2, 3, 7, 64, 100_000])('completes each response of a keep-alive stream read %i bytes at a time', (size) => {
    expect(read(stream, size)).toEqual([200, 200, 404, 200]);
  });

  it('completes nothing before the last byte of a body', () => {
    const whole = lengthResponse(200, '{"kind":"Pod"}');
    expect(read(whole.slice(0, -1), 1)).toEqual([]);
    expect(read(chunkedResponse(['ab']).slice(0, -2), 1)).toEqual([]);
  });

  describe('against a server', () => {
    let server: Server;
    let port: number;
    let answered = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        answered += 1;
        if (req.url === '/missing') res.writeHead(404).end();
        else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ path: req.url, agent: req.headers['user-agent'] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends rate × duration requests and times every answer', async () => {
      answered = 0;
      const result = await openLoopLoad({
        host: '127.0.0.1',
        port,
        path: '/pod',
        headers: { 'User-Agent': 'bench' },
        rate: 500,
        durationMs: 200,
        connections: 4,
        timeoutMs: 5000,
      });
      expect(result.sent).toBe(100);
      expect(result.errors).toBe(0);
      expect(result.latencies).toHaveLength(100);
      expect(answered).toBe(100);
      expect(result.latencies.every((ms) => ms >= 0)).toBe(true);
    });

    it('counts an answer other than 200 as an error', async () => {
      const result = await openLoopLoad({ host: '127.0.0.1', port, path: '/missing', headers: {}, rate: 500, durationMs: 20, connections: 2, timeoutMs: 5000 });
      expect(result).toMatchObject({ sent: 10, errors: 10, latencies: [] });
    });
  });
});
