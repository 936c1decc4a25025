import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { join } from 'node:path';
import { type Child, lastLines, now, residentBytes, startChild, waitForOutput } from './child-process.js';

export interface RunningFacade {
  child: Child;
  url: string;
  host: string;
  port: number;
  /** From spawn to the banner: node's start, reading and loading the cluster, listening. */
  startMs: number;
  /** RSS once ready. */
  startRssBytes: number | undefined;
  /** The kubeconfig it wrote (`--write-kubeconfig`), for kubectl. */
  kubeconfig: string;
  /** Headers every request carries: the kubeconfig's bearer token when it has one. */
  authHeaders: Record<string, string>;
}

export interface FacadeOptions {
  packageRoot: string;
  clusterFile: string;
  workDir: string;
  live: boolean;
  timeoutMs: number;
  /** Node's own flags, before the script (the soak's `--inspect`). */
  nodeFlags?: readonly string[];
}

/** Starts the built kubefacade on the cluster, as a user would: `node dist/src/bin/kubefacade.js serve ...`. */
export async function startFacade(options: FacadeOptions): Promise<RunningFacade> {
  const kubeconfig = join(options.workDir, 'kubeconfig');
  const args = [
    ...(options.nodeFlags ?? []),
    join(options.packageRoot, 'dist/src/bin/kubefacade.js'),
    'serve',
    '--cluster',
    options.clusterFile,
    '--http',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--write-kubeconfig',
    kubeconfig,
    '--state-dir',
    join(options.workDir, 'state'),
    '--log-level',
    'error',
    options.live ? '--live' : '--static',
  ];
  const started = now();
  // Started as a user starts it: no heap flags, so what fails for them fails here.
  const child = startChild(process.execPath, args, { cwd: options.workDir });
  try {
    const match = await waitForOutput(child, /serving (http:\/\/[^\s]+)/, options.timeoutMs);
    const startMs = now() - started;
    const url = match[1] as string;
    const parsed = new URL(url);
    return {
      child,
      url,
      host: parsed.hostname,
      port: Number(parsed.port),
      startMs,
      startRssBytes: residentBytes(child.pid),
      kubeconfig,
      authHeaders: bearerOf(kubeconfig),
    };
  } catch (error: unknown) {
    // A server still loading when time runs out says little on stderr: how much memory it had reached says more.
    const rss = residentBytes(child.pid);
    if (rss !== undefined && error instanceof Error) error.message = `${error.message.trimEnd()} (still running, RSS ${(rss / 2 ** 30).toFixed(2)} GiB)`;
    await child.stop(1000);
    throw new Error(`server failed to start: ${error instanceof Error ? error.message : lastLines(child.output())}`, { cause: error });
  }
}

/** The kubeconfig's token, if the server wrote one (a server may require it even on loopback one day). */
function bearerOf(kubeconfig: string): Record<string, string> {
  try {
    // Read as YAML: a token that starts with `-` is written quoted.
    const config = yaml.load(readFileSync(kubeconfig, 'utf8')) as { users?: { user?: { token?: unknown } }[] } | undefined;
    const token = config?.users?.[0]?.user?.token;
    return typeof token === 'string' ? { Authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}
