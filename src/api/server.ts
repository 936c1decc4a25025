import compression from 'compression';
import express, { type Express, type Request, type RequestHandler } from 'express';
import { type Cluster, etcdHealthCheck } from '../cluster/index.js';
import { commonHeaders } from './common-headers.js';
import type { Logger } from 'pino';
import { createAccessReviewRouter } from './access-review/access-review-router.js';
import { createDiscoveryRouter } from './discovery/index.js';
import { errorHandler } from './errors/error-handler.js';
import { type ApiMetrics, metricsRouter, requestLogger, requestMetrics } from './observability/index.js';
import { filterChain } from './filter-chain.js';
import { forbidWrites } from './forbidden.js';
import { refuseImpersonation } from './impersonation.js';
import { createHealthRouter, defaultHealthChecks, type HealthChecks } from './health/index.js';
import { createOpenApiRouter } from './openapi/index.js';
import { versionHandler } from './version/server-version.js';
import { createResourceRouter } from './resources/resource-router.js';
import { rootPaths } from './root-paths.js';
import { protectionFilters, type ProtectionOptions } from './protection.js';
import { DEFAULT_WATCH_TIMING, type WatchTiming } from './watch/watch-handler.js';

export interface AppOptions {
  logger: Logger;
  metrics: ApiMetrics;
  /** host:port clients reach the server at, for discovery's serverAddressByClientCIDRs. */
  serverAddress: () => string;
  watchTiming?: WatchTiming;
  /** The checks /healthz, /livez and /readyz run; all healthy by default. */
  healthChecks?: HealthChecks;
  /** Who may connect, and the limits on what they ask (in-flight, timeout); every request anonymous and no limit but upstream's defaults when absent. */
  protection?: ProtectionOptions;
}

/** Responses above this size are gzipped for clients that accept it (apiserver responsewriters/writers.go). */
const GZIP_THRESHOLD_BYTES = 128 * 1024;
/** The least CPU for a ratio close to the default's (apiserver responsewriters/writers.go defaultGzipContentEncodingLevel). */
const GZIP_LEVEL = 1;

/** Streams stay uncompressed, as upstream: watches, and logs being followed. */
function isStream(req: Request): boolean {
  const q = req.query as Record<string, unknown>;
  return q['watch'] === 'true' || q['watch'] === '1' || q['follow'] === 'true' || q['follow'] === '1' || /\/watch\//.test(req.path);
}

/**
 * gzip for a client that accepts it, on bodies over the threshold (apiserver responsewriters/writers.go); the
 * filter is not even set up for one that does not, which is most of a load of small GETs.
 */
function gzipWhenAccepted(): RequestHandler {
  const gzip = compression({ threshold: GZIP_THRESHOLD_BYTES, level: GZIP_LEVEL, filter: (req, res) => !isStream(req) && compression.filter(req, res) });
  return (req, res, next) => {
    const accepted = req.headers['accept-encoding'];
    if (accepted === undefined || !accepted.includes('gzip')) {
      next();
      return;
    }
    void gzip(req, res, next);
  };
}

/** Builds the API server's app over a cluster, without listening: tests drive it directly. */
export function createApp(cluster: Cluster, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Upstream's filter order: timeout, authentication, impersonation, in-flight limit, authorization.
  const protection = protectionFilters(options.protection);
  app.use(
    filterChain([
      commonHeaders('2a9d3c1e-6f0b-4b8e-9a51-0c7f1e5d2b34', 'b7e4f6a2-1c3d-4e5f-8a9b-0d1e2f3a4b5c'),
      requestLogger(options.logger),
      requestMetrics(options.metrics),
      gzipWhenAccepted(),
      protection.timeout,
      protection.authentication,
      refuseImpersonation(),
      protection.inFlight,
      forbidWrites(),
    ]),
  );
  // Resource requests first, the most frequent by far: the resource router passes on every request the request
  // info does not call a resource request (upstream's RequestInfoFactory: /healthz, /version, /api/v1, ...) and
  // every method but GET and HEAD, so the order decides nothing else and a GET of a pod enters no other router.
  app.use(createResourceRouter(cluster, { logger: options.logger, ...(options.watchTiming ?? DEFAULT_WATCH_TIMING) }));
  app.use(createAccessReviewRouter({ clock: cluster.clock }));
  app.use(createHealthRouter(options.healthChecks ?? defaultHealthChecks({ etcd: etcdHealthCheck(cluster.components).check })));
  app.use(metricsRouter(options.metrics));
  app.get('/version', versionHandler());
  app.use(createDiscoveryRouter(cluster.registry, { serverAddress: options.serverAddress }));
  app.use(createOpenApiRouter({ now: () => new Date(cluster.clock.now()), registry: cluster.registry }));
  app.use(rootPaths(cluster.registry));
  app.use(errorHandler(options.logger));
  return app;
}
