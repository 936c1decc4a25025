import express, { type Express } from 'express';
import request from 'supertest';
import { ApiMetrics, metricsRouter, requestMetrics } from '../../../src/api/observability/index.js';
import { collectedAndObserved } from '../../support/collections-observed.js';
import { releaseGarbage } from '../../../src/release-garbage.js';

/** A clock that moves only when the handler under test says so. */
function fakeClock(): { now: () => number; advance(ms: number): void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function appWith(metrics: ApiMetrics, clock: ReturnType<typeof fakeClock>): Express {
  const app = express();
  app.use(requestMetrics(metrics, { now: clock.now }));
  app.use(metricsRouter(metrics));
  app.get('/api/v1/namespaces/:ns/pods', (_req, res) => {
    clock.advance(30);
    res.json({ kind: 'PodList' });
  });
  app.get('/api/v1/namespaces/:ns/pods/:name', (_req, res) => {
    clock.advance(250);
    res.status(404).json({ kind: 'Status', code: 404 });
  });
  return app;
}

async function scrape(app: Express): Promise<string> {
  const response = await request(app).get('/metrics');
  return response.text;
}

describe('request metrics', () => {
  it('counts requests by verb, resource, scope and code', async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await request(app).get('/api/v1/namespaces/default/pods');
    await request(app).get('/api/v1/namespaces/default/pods?limit=500');
    await request(app).get('/api/v1/namespaces/default/pods/missing');

    const text = await metrics.text();
    expect(text).toContain(
      'apiserver_request_total{verb="LIST",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver",code="200"} 2',
    );
    expect(text).toContain(
      'apiserver_request_total{verb="GET",dry_run="",group="",version="v1",resource="pods",subresource="",scope="resource",component="apiserver",code="404"} 1',
    );
  });

  it('puts each duration, measured on the clock, into its latency bucket', async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await request(app).get('/api/v1/namespaces/default/pods');
    await request(app).get('/api/v1/namespaces/default/pods/missing');

    const text = await metrics.text();
    const labels = 'verb="LIST",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver"';
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{le="0.025",${labels}} 0`);
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{le="0.05",${labels}} 1`);
    expect(text).toContain(`apiserver_request_duration_seconds_sum{${labels}} 0.03`);
    expect(text).toContain(`apiserver_request_duration_seconds_count{${labels}} 1`);
    const getLabels = labels.replace('LIST', 'GET').replace('namespace"', 'resource"');
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{le="0.2",${getLabels}} 0`);
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{le="0.4",${getLabels}} 1`);
  });

  it('counts non-resource paths that do not exist together, so scanners cannot grow the label set', async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await request(app).get('/wp-admin');
    await request(app).get('/.env');
    const text = await metrics.text();
    expect(text).toContain(
      'apiserver_request_total{verb="GET",dry_run="",group="",version="",resource="",subresource="other",scope="",component="apiserver",code="404"} 2',
    );
    expect(text).not.toContain('wp-admin');
  });

  it('keeps the counts of two servers in one process apart', async () => {
    const first = new ApiMetrics();
    const second = new ApiMetrics();
    await request(appWith(first, fakeClock())).get('/api/v1/namespaces/default/pods');
    expect(await first.text()).toContain('resource="pods"');
    expect(await second.text()).not.toContain('resource="pods"');
  });
});

describe('GET /metrics', () => {
  it('answers in the Prometheus text format, with HELP and TYPE for each metric', async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await request(app).get('/api/v1/namespaces/default/pods');
    const response = await request(app).get('/metrics');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.text).toMatch(/^# HELP apiserver_request_total .+\n# TYPE apiserver_request_total counter\n/m);
    expect(response.text).toMatch(/^# HELP apiserver_request_duration_seconds .+\n# TYPE apiserver_request_duration_seconds histogram\n/m);
    // A value is a Go float: Prometheus reads it with strconv.ParseFloat, which takes NaN in any case (prom-client
    // writes an event-loop mean with no sample yet as `Nan`).
    for (const line of response.text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_][a-z0-9_]*(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? ([0-9.e+-]+|nan|[+-]?inf)$/i);
    }
  });

  it('counts earlier scrapes of itself as non-resource GETs of /metrics', async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await scrape(app);
    expect(await scrape(app)).toContain(
      'apiserver_request_total{verb="GET",dry_run="",group="",version="",resource="",subresource="/metrics",scope="",component="apiserver",code="200"} 1',
    );
  });

  it("carries the process's metrics beside the server's, as kube-apiserver carries its process's", async () => {
    const metrics = new ApiMetrics();
    const app = appWith(metrics, fakeClock());
    await collectedAndObserved(releaseGarbage);
    const text = await scrape(app);

    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'process_start_time_seconds', 'nodejs_eventloop_lag_max_seconds']) {
      expect(text).toMatch(new RegExp(`^${name} [0-9.e+-]+$`, 'm'));
    }
    const majorCount = /^nodejs_gc_duration_seconds_count\{kind="major"\} (\d+)$/m.exec(text)?.[1];
    expect(Number(majorCount)).toBeGreaterThanOrEqual(1);
  });

  it("serves one set of the process's metrics to every server of the process", async () => {
    const first = await scrape(appWith(new ApiMetrics(), fakeClock()));
    const second = await scrape(appWith(new ApiMetrics(), fakeClock()));
    for (const text of [first, second]) expect(text.match(/^# TYPE process_resident_memory_bytes gauge$/gm)).toHaveLength(1);
  });
});
