import type { BackendAnswer } from '../backend-answer.js';
import { muxNotFound, plainText } from './go-answers.js';

/**
 * The kubelet's /healthz: ping, log and syncloop, installed by apiserver pkg/server/healthz InstallHandler
 * (k/k pkg/kubelet/server/server.go InstallDefaultHandlers). A kubelet that answers at all has its sync loop
 * running, so every check passes: `ok`, or with `?verbose` one line per check. Each check has its own path.
 */
const CHECKS = ['ping', 'log', 'syncloop'] as const;

export function kubeletHealthz(path: string, query: URLSearchParams): BackendAnswer {
  if (path === '/healthz') {
    const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
    if (!query.has('verbose')) return { status: 200, headers, body: 'ok' };
    const excluded = new Set(query.getAll('exclude').flatMap((value) => value.split(',')));
    const lines = CHECKS.map((check) => (excluded.has(check) ? `[+]${check} excluded: ok\n` : `[+]${check} ok\n`));
    return { status: 200, headers, body: `${lines.join('')}healthz check passed\n` };
  }
  const check = path.slice('/healthz/'.length);
  return (CHECKS as readonly string[]).includes(check) ? plainText('ok') : muxNotFound();
}
