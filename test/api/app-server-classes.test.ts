import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { serverClassesFor } from '../../src/api/app-server-classes.js';

describe('serverClassesFor', () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** Serves `app` from a server built with its classes, noting each request's prototypes before Express sees it. */
  async function serve(app: express.Express, seen: { request: object | null; response: object | null }[]): Promise<string> {
    const classes = serverClassesFor(app);
    server = createServer(classes, (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ request: Object.getPrototypeOf(req) as object, response: Object.getPrototypeOf(res) as object });
      app(req, res);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
  }

  it("gives requests and responses the app's prototypes from birth, so Express has nothing to change", async () => {
    const app = express();
    app.get('/hello', (_req, res) => void res.status(200).json({ ok: true }));
    const seen: { request: object | null; response: object | null }[] = [];
    const url = await serve(app, seen);

    await fetch(`${url}/hello`);

    expect(seen).toEqual([{ request: app.request, response: app.response }]);
  });

  it("keeps Express's request and response methods and the app's settings", async () => {
    const app = express();
    app.set('json spaces', 2);
    app.get('/echo', (req, res) => void res.status(201).json({ agent: req.get('x-agent'), app: req.app === app }));
    const url = await serve(app, []);

    const response = await fetch(`${url}/echo`, { headers: { 'x-agent': 'kubectl' } });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe('{\n  "agent": "kubectl",\n  "app": true\n}');
  });
});
