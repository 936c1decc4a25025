import { type IncomingMessage, request as httpRequest } from 'node:http';
import { jest } from '@jest/globals';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { ManualTimers } from '../../../src/api/watch/watch-timers.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { capturingLogger } from '../../support/capturing-logger.js';
import { listen, WatchStream } from '../../support/watch-client.js';
import { testApp } from '../../support/test-app.js';

/** A watch whose client reads nothing until told to. */
function openPaused(port: number, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      res.pause();
      resolve(res);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a watch over HTTP whose client stops reading', () => {
  test('is cut once what waits for it passes the bound: its stream ends after what it was written, and nothing listens for it', async () => {
    const { cluster } = testApp();
    let subscribed = 0;
    const watch = cluster.store.watch.bind(cluster.store);
    jest.spyOn(cluster.store, 'watch').mockImplementation((resource, from, listener) => {
      const stop = watch(resource, from, listener);
      subscribed += 1;
      return () => {
        subscribed -= 1;
        stop();
      };
    });
    const { logger, lines: logged } = capturingLogger();
    const app = createApp(cluster, {
      logger,
      metrics: new ApiMetrics(),
      serverAddress: () => '127.0.0.1:0',
      watchTiming: {
        timers: new ManualTimers(),
        bookmarkIntervalMs: 60_000,
        minRequestTimeoutMs: 1_800_000,
        limits: { blockedEvents: 1_000_000, unresponsiveBudgetMs: 100, maxPendingBytes: 1024 * 1024 },
      },
    });
    const served = await listen(app);
    try {
      const response = await openPaused(served.port, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${cluster.store.resourceVersion}`);
      expect(subscribed).toBe(1);
      const web1 = cluster.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
      const padding = 'x'.repeat(64 * 1024);
      const written: string[] = [];
      // The kernel's socket buffers take what they can; past them the server holds the rest, up to the bound.
      while (subscribed > 0 && written.length < 2_000) {
        const stored = cluster.store.update('/pods', {
          ...web1,
          metadata: { ...web1.metadata, annotations: { padding, round: String(written.length) } },
        } as KubeObject);
        written.push(String(stored.resourceVersion));
      }
      expect(subscribed).toBe(0);

      const stream = new WatchStream(response);
      response.resume();
      const received: string[] = [];
      for (let event = await stream.next(); event; event = await stream.next()) {
        expect(event.type).toBe('MODIFIED');
        received.push(event.object.metadata?.resourceVersion ?? '');
      }
      expect(stream.ended).toBe(true);
      expect(received.length).toBeGreaterThan(0);
      expect(received.length).toBeLessThan(written.length);
      expect(received).toEqual(written.slice(0, received.length));
      expect(logged.filter((line) => line.includes('Forcing pods watcher close due to unresponsiveness'))).toHaveLength(1);
    } finally {
      await served.close();
    }
  });
});
