import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';

export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: { name?: string; resourceVersion?: string } };
}

/** A running watch: events arrive as the server writes them; `next()` waits for the next one. */
export class WatchStream {
  private readonly events: WatchEvent[] = [];
  private waiters: ((event: WatchEvent | undefined) => void)[] = [];
  private buffer = '';
  ended = false;

  constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        if (line.trim() !== '') this.push(JSON.parse(line) as WatchEvent);
      }
    });
    response.on('end', () => {
      this.ended = true;
      for (const waiter of this.waiters.splice(0)) waiter(undefined);
    });
  }

  private push(event: WatchEvent): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(event);
    else this.events.push(event);
  }

  next(): Promise<WatchEvent | undefined> {
    const event = this.events.shift();
    if (event) return Promise.resolve(event);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async take(count: number): Promise<WatchEvent[]> {
    const taken: WatchEvent[] = [];
    for (let i = 0; i < count; i++) {
      const event = await this.next();
      if (!event) break;
      taken.push(event);
    }
    return taken;
  }

  close(): void {
    this.response.destroy();
  }
}

/** Serves an app on a free loopback port for tests that need a live connection (watches, follows). */
export async function listen(app: Express): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function openStream(port: number, path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => resolve(new WatchStream(res)));
    req.on('error', reject);
    req.end();
  });
}
