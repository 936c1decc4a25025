import WebSocket from 'ws';

/** The inspector address `node --inspect=127.0.0.1:0` prints on stderr when it starts. */
export function inspectorUrl(output: string): string | undefined {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
}

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string };
}

/**
 * The heap a process holds right after a full collection it is made to run now, in MiB, through its inspector
 * (Chrome DevTools Protocol: HeapProfiler.collectGarbage, then process.memoryUsage().heapUsed): what a leak
 * grows, measured at the instant asked for rather than whenever the process last collected on its own.
 */
export async function liveHeapMiB(url: string, timeoutMs = 30_000): Promise<number> {
  const socket = new WebSocket(url);
  const timer = setTimeout(() => socket.terminate(), timeoutMs);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('close', () => reject(new Error(`inspector ${url} closed`)));
    });
    let next = 0;
    const waiting = new Map<number, (reply: Reply) => void>();
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as Reply;
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    const call = (method: string, params: Record<string, unknown> = {}): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)));
        socket.send(JSON.stringify({ id, method, params }));
      });
    await call('HeapProfiler.collectGarbage');
    const evaluated = (await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as {
      result?: { value?: unknown };
    };
    const bytes = evaluated.result?.value;
    if (typeof bytes !== 'number') throw new Error('the inspected process did not tell its heap');
    return bytes / 2 ** 20;
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}
