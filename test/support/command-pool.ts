/**
 * kubectl commands run a few at a time and each once: a suite that compares the output of hundreds of commands
 * against two servers starts them all early (so they overlap) and every test then awaits the one it asserts.
 * The machine running CI may have two cores; more than a few kubectl processes at once only queue for them.
 */
import type { E2eServer } from './e2e-server.js';
import type { KubectlBinary, KubectlResult } from './kubectl.js';

/** How many kubectl processes run at once. */
const DEFAULT_CONCURRENCY = 4;

/** Runs at most `limit` tasks at a time, in the order they were asked for. */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number = DEFAULT_CONCURRENCY) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** Every kubectl command of one binary against one server, run once, its result kept for every test that asks. */
export class CommandPool {
  private readonly results = new Map<string, Promise<KubectlResult>>();

  constructor(
    private readonly binary: KubectlBinary,
    private readonly semaphore: Semaphore = new Semaphore(),
  ) {}

  /** The result of `kubectl args` against `server`, started now unless it already was. Never rejects. */
  run(server: E2eServer, args: readonly string[]): Promise<KubectlResult> {
    const key = `${server.running.url} ${JSON.stringify(args)}`;
    let result = this.results.get(key);
    if (result === undefined) {
      result = this.semaphore
        .run(() => server.kubectl(this.binary, args, 60_000))
        .catch((error: unknown) => ({ stdout: '', stderr: `kubectl could not be run: ${String(error)}`, exitCode: null }));
      this.results.set(key, result);
    }
    return result;
  }

  /** Resolves once every command started has ended, so the servers can be stopped under none. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.results.values()]);
  }
}
