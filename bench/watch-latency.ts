import { type ClientRequest, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Target } from './http.js';

export const LEASES_PATH = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases';

export interface WatchResult {
  /** Wall-clock delivery minus the renewTime each event carries, in ms (before any offset is removed). */
  raw: number[];
  opened: number;
  failed: number;
  /** The first event line received, to give the ceiling the same bytes. */
  sampleLine: string | undefined;
}

const wallNow = (): number => performance.timeOrigin + performance.now();

/** metav1.MicroTime (`2026-12-03T01:02:03.456789Z`) to epoch milliseconds with the microseconds kept. */
export function parseMicroTime(text: string): number {
  const match = /^(.{19})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!match) return NaN;
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(`${match[1]}Z`) + Number(fraction) / 1000;
}

/**
 * `watchers` watches of single Leases (named in turn from `names`, each `?fieldSelector=metadata.name=...`, from
 * `resourceVersion`), held for `durationMs`: every event's delivery instant minus its renewTime.
 */
export async function watchLeases(
  target: Target,
  names: readonly string[],
  resourceVersion: string,
  watchers: number,
  durationMs: number,
): Promise<WatchResult> {
  const raw: number[] = [];
  let sampleLine: string | undefined;
  let opened = 0;
  let failed = 0;
  const requests: ClientRequest[] = [];
  const open = (name: string): Promise<void> =>
    new Promise((resolve) => {
      const path = `${LEASES_PATH}?watch=1&fieldSelector=metadata.name%3D${encodeURIComponent(name)}&resourceVersion=${resourceVersion}&timeoutSeconds=3600`;
      const req = request({ host: target.host, port: target.port, path, agent: false, headers: { ...target.headers, Accept: 'application/json' } }, (res) => {
        if (res.statusCode !== 200) {
          failed += 1;
          res.resume();
          return resolve();
        }
        opened += 1;
        resolve();
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = wallNow();
          buffered += chunk;
          let newline = buffered.indexOf('\n');
          while (newline >= 0) {
            const line = buffered.slice(0, newline + 1);
            buffered = buffered.slice(newline + 1);
            const renew = /"renewTime":"([^"]+)"/.exec(line)?.[1];
            if (renew !== undefined) {
              raw.push(at - parseMicroTime(renew));
              sampleLine ??= line;
            }
            newline = buffered.indexOf('\n');
          }
        });
        res.on('error', () => undefined);
      });
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end();
      requests.push(req);
    });
  for (let i = 0; i < watchers; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, watchers - i) }, (_, j) => open(names[(i + j) % names.length] as string)));
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const req of requests) req.destroy();
  return { raw, opened, failed, sampleLine };
}

/** An event line with the lease's name and renewTime replaced by the ceiling's placeholders. */
export function watchTemplate(line: string): string | undefined {
  const name = /"name":"([^"]+)"/.exec(line)?.[1];
  const renew = /"renewTime":"([^"]+)"/.exec(line)?.[1];
  if (name === undefined || renew === undefined) return undefined;
  return line.replaceAll(`"${name}"`, '"__NAME__"').replace(`"renewTime":"${renew}"`, '"renewTime":"__RENEW__"');
}
