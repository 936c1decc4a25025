/**
 * Starting a server over a cluster: load it, build the app, listen. The command line starts it so; the
 * programmatic API (index.ts) adds a client-node KubeConfig, whose package costs the command line's start
 * 0.6 s to import for an object it would never use.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ApiMetrics } from './api/observability/index.js';
import { anonymousAuthFor } from './api/authentication/index.js';
import { CONNECTION_TIMEOUTS, DEFAULT_IN_FLIGHT_LIMITS } from './api/limits/index.js';
import type { ProtectionOptions } from './api/protection.js';
import { serverClassesFor } from './api/app-server-classes.js';
import { createApp } from './api/server.js';
import { defaultClusterFile } from './cli/package-root.js';
import {
  type Cluster,
  type ClusterSource,
  describeStep,
  type LoadProgress,
  openCluster,
  readCapture,
  type ReadProgress,
  type Simulation,
} from './cluster/index.js';
import { bearerTokenFor } from './credentials/bearer-token.js';
import { releaseGarbageOfLargeHeap } from './release-garbage.js';
import { servingHeap } from './serving-heap.js';
import { buildKubeconfig, serverAddress, serverUrl } from './kubeconfig/index.js';
import { createLogger, isLogLevel, type Logger } from './logging/logger.js';
import type { ServingMaterial } from './tls/index.js';

export interface StartOptions {
  /** The cluster to serve; the talk cluster by default. */
  cluster?: ClusterSource;
  /** The address to bind; 127.0.0.1 by default. */
  host?: string;
  /** The port to bind; 0 (a free port) by default. */
  port?: number;
  /** Serve plain HTTP instead of HTTPS. */
  http?: boolean;
  /** A pino level; `silent` by default, so test output stays clean. Ignored when `logger` is given. */
  logLevel?: string;
  /** Keep the CA and serving certificate here across runs; by default they are made in memory for this server. */
  stateDir?: string;
  /** The logger to use (the command line passes its own). */
  logger?: Logger;
  /**
   * Whether the cluster lives: `auto` runs the simulation (and the file's scenario) for a compact cluster file
   * and freezes captured objects; `true` or `false` decide for any cluster. Default false, so a server started
   * from code serves exactly what it loaded unless asked; the command line defaults to `auto`.
   */
  simulate?: boolean | 'auto';
  /** Simulated seconds per real second; default 1. */
  speed?: number;
  /** Seeds every random choice of the simulation; default 1. */
  seed?: number;
  /** `manual`: simulated time moves only through `simulation.manual.advance(ms)`, for tests; default `real`. */
  driver?: 'real' | 'manual';
  /** Told how loading a large cluster goes, for a progress line. */
  onLoadProgress?: (progress: LoadProgress) => void;
  /** Told what a user should know of how the cluster was read; logged as warnings by default. */
  onLoadWarning?: (message: string) => void;
  /**
   * The bearer token that authenticates the kubeconfig's user; by default the one kept in `stateDir` (generated
   * there at first start), or one made for this server when there is no state dir.
   */
  token?: string;
  /**
   * Serve requests without a token (as system:anonymous): `true` everywhere, `false` nowhere; by default only
   * when `host` is a loopback address (elsewhere only /healthz, /livez and /readyz answer them).
   */
  anonymousAuth?: boolean;
  /** Reads served at once before a 429 (0: no limit); 400 by default, as kube-apiserver. */
  maxRequestsInFlight?: number;
  /** Writes served at once before a 429 (0: no limit); 200 by default. */
  maxMutatingRequestsInFlight?: number;
  /** How long a short request may take before a 504; 60 s by default. */
  requestTimeoutMs?: number;
}

/** A server started by startServer: where it listens, what it serves, how to reach and stop it. */
export interface RunningServer {
  /** `https://127.0.0.1:<port>` (or http), the port the one actually bound. */
  url: string;
  /** The same configuration as kubeconfig YAML, for kubectl. */
  kubeconfigYaml: string;
  cluster: Cluster;
  /** The running simulation of a live cluster (stopped with the server), undefined for a static one. */
  simulation: Simulation | undefined;
  /** The CA the serving certificate chains to (PEM), absent for http. */
  caPem?: string;
  /** The bearer token clients present (`Authorization: Bearer …`), written into the kubeconfig. */
  token: string;
  /** Where the token came from: `given`, kept in the `state-dir`, or made in `memory` for this server. */
  tokenSource: 'given' | 'state-dir' | 'memory';
  /** Stops listening, ends open connections (watches included) and closes the cluster. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Loads the cluster (a broken cluster file throws ClusterFileError before anything listens), builds the app,
 * listens, and resolves once the server accepts connections.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  servingHeap();
  const host = options.host ?? '127.0.0.1';
  const http = options.http ?? false;
  const logger = options.logger ?? createLogger(logLevelOf(options.logLevel));
  const now = new Date();
  // A path may name a file, a folder, a support bundle's archive...: the capture is read before the cluster opens.
  const source = options.cluster ?? { file: defaultClusterFile() };
  const progress = options.onLoadProgress;
  const { cluster, simulation, deadVersions } = openCluster(
    'file' in source ? { capture: await readCapture(source.file, progress ? { onProgress: (read) => progress(readingProgress(read)) } : {}) } : source,
    {
      now,
      simulate: options.simulate ?? false,
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.driver !== undefined ? { driver: options.driver } : {}),
      ...(options.onLoadProgress !== undefined ? { onProgress: options.onLoadProgress } : {}),
      onWarning: options.onLoadWarning ?? ((message) => logger.warn(message)),
      // A failing controller task is a bug to report, not a reason to stop serving.
      onTaskError: (error, task) => logger.error({ err: error, task }, 'simulation task failed'),
      onStep: (step, applied) => logger.info({ at: step.atMs / 1000, line: step.line, applied }, `scenario: ${describeStep(step.action)}`),
    },
  );
  try {
    // A past lived through leaves more dead versions than live objects, most of its heap garbage: collected before
    // serving. Settled workloads leave little, which V8 collects as it goes; a full collection would cost ~1 s of start.
    if (deadVersions > cluster.store.size) releaseGarbageOfLargeHeap();
    const material = http ? undefined : await tlsMaterial(options.stateDir, host, now, logger);
    const {
      token,
      source: tokenSource,
      notes,
    } = await bearerTokenFor({
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
    });
    for (const note of notes) logger.info(note);
    let address = '';
    const protection: ProtectionOptions = {
      authentication: { token, anonymous: anonymousAuthFor(host, options.anonymousAuth) },
      inFlight: {
        maxRequestsInFlight: options.maxRequestsInFlight ?? DEFAULT_IN_FLIGHT_LIMITS.maxRequestsInFlight,
        maxMutatingRequestsInFlight: options.maxMutatingRequestsInFlight ?? DEFAULT_IN_FLIGHT_LIMITS.maxMutatingRequestsInFlight,
      },
      ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    };
    const app = createApp(cluster, { logger, metrics: new ApiMetrics(), serverAddress: () => address, protection });
    const classes = serverClassesFor(app);
    const server =
      material === undefined
        ? createHttpServer({ ...classes, ...CONNECTION_TIMEOUTS }, app)
        : createHttpsServer({ ...classes, ...CONNECTION_TIMEOUTS, cert: material.serving.certPem, key: material.serving.keyPem }, app);
    const sockets = trackSockets(server);
    const port = await listen(server, options.port ?? 0, host);
    address = serverAddress(host, port);
    const url = serverUrl(host, port, http);
    const kubeconfigYaml = buildKubeconfig({ server: url, token, ...(material === undefined ? {} : { caPem: material.ca.certPem }) });
    let stopping: Promise<void> | undefined;
    return {
      url,
      kubeconfigYaml,
      cluster,
      simulation,
      ...(material === undefined ? {} : { caPem: material.ca.certPem }),
      token,
      tokenSource,
      stop: () => (stopping ??= stopServer(server, sockets, cluster)),
    };
  } catch (error: unknown) {
    cluster.close();
    throw error;
  }
}

/** A capture's reading progress, as a progress line shows it: files, or bytes of one large file, and objects parsed. */
function readingProgress({ filesRead, filesTotal, bytesRead, bytesTotal, objectsParsed }: ReadProgress): LoadProgress {
  return { phase: 'reading', read: filesRead, total: filesTotal, bytesRead, ...(bytesTotal === undefined ? {} : { bytesTotal }), objects: objectsParsed };
}

function logLevelOf(level: string | undefined): Parameters<typeof createLogger>[0] {
  if (level === undefined) return 'silent';
  if (!isLogLevel(level)) throw new Error(`unknown log level "${level}"`);
  return level;
}

/** The CA and serving certificate; the certificate library (0.2 s to import) is loaded only for a server that serves TLS. */
async function tlsMaterial(stateDir: string | undefined, host: string, now: Date, logger: Logger): Promise<ServingMaterial> {
  const { servingMaterialFor } = await import('./tls/index.js');
  const { material, notes } = await servingMaterialFor({ host, now, ...(stateDir === undefined ? {} : { stateDir }) });
  for (const note of notes) logger.info(note);
  return material;
}

/** Open connections, so stop() can end them: a watch never ends by itself, and jest waits for open handles. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Resolves with the bound port (the real one when asked for 0), rejects with a sentence when binding fails. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(new Error(listenFailure(error, host, port)));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = serverAddress(host, port);
  switch (error.code) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: the port is already in use (choose another with --port, or --port 0 for a free one)`;
    case 'EACCES':
      return `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${where}: ${host} is not an address of this machine`;
    default:
      return `cannot listen on ${where}: ${error.message}`;
  }
}

async function stopServer(server: Server, sockets: Set<Socket>, cluster: Cluster): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  cluster.close();
  await closed;
}
