import { posix } from 'node:path';
import type { BackendAnswer } from '../backend-answer.js';
import { httpError, localRedirect } from './go-answers.js';
import type { LogEntry } from './log-directory.js';

/**
 * net/http's FileServer over a tree of entries, as the kubelet serves /var/log behind `/logs/`
 * (net/http/fs.go serveFile, dirList): a directory asked for without its trailing slash, or a file with one, is
 * redirected to its canonical name; a directory is listed as Go lists it (names sorted, folders with a slash, in
 * a `<pre>` block); a file is sent whole, its type sniffed as UTF-8 text; a missing name is `404 page not found`.
 * `path` is what follows the stripped `/logs/` prefix.
 */
export function serveFiles(root: LogEntry, path: string, rawQuery: string): BackendAnswer {
  const urlPath = path.startsWith('/') ? path : `/${path}`;
  if (urlPath.endsWith('/index.html')) return localRedirect('./', rawQuery);
  const entry = lookup(root, posix.normalize(urlPath));
  if (entry === undefined) return httpError(404, '404 page not found');
  if (entry.kind === 'dir') {
    if (!urlPath.endsWith('/')) return localRedirect(`${posix.basename(urlPath)}/`, rawQuery);
    return dirList(entry);
  }
  if (urlPath.endsWith('/')) return localRedirect(`../${posix.basename(urlPath)}`, rawQuery);
  const body = entry.content();
  const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Type': 'text/plain; charset=utf-8' };
  if (entry.modified !== undefined) headers['Last-Modified'] = new Date(entry.modified).toUTCString();
  return { status: 200, headers, body };
}

function lookup(root: LogEntry, cleanPath: string): LogEntry | undefined {
  let entry: LogEntry | undefined = root;
  for (const name of cleanPath.split('/').filter((part) => part !== '' && part !== '.' && part !== '..')) {
    if (entry?.kind !== 'dir') return undefined;
    entry = entry.entries().get(name);
  }
  return entry;
}

const htmlReplace = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** dirList of Go 1.24, which the kubelet of v1.33 is built with: a doctype, a viewport, then the links. */
function dirList(entry: Extract<LogEntry, { kind: 'dir' }>): BackendAnswer {
  const sorted = [...entry.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = sorted.map(([name, child]) => (child.kind === 'dir' ? `${name}/` : name));
  const links = names.map((name) => `<a href="${encodeURI(name).replace(/\?/g, '%3F').replace(/#/g, '%23')}">${htmlReplace(name)}</a>\n`);
  const body = `<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n${links.join('')}</pre>\n`;
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}
