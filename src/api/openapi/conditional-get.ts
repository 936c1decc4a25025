import type { Request } from 'express';

/**
 * Whether a GET may be answered 304 Not Modified, as Go's http.ServeContent decides for kube-openapi's handlers:
 * If-None-Match (a list of tags, `*`, weak tags compared weakly) wins; without it, If-Modified-Since is compared
 * with the document's modification time in whole seconds.
 */
export function isNotModified(req: Request, etag: string, lastModified: Date): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch !== undefined) {
    const quoted = `"${etag}"`;
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === quoted);
  }
  const ifModifiedSince = req.get('if-modified-since');
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
