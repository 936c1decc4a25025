import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { dumpYaml } from '../encoding/yaml-encoder.js';

/** How a discovery body is written: compact JSON, indented JSON (`?pretty`, curl), or YAML. */
export type DocumentFormat = 'json' | 'pretty' | 'yaml';

/** Quoted upper-case hex SHA-512, as aggregated/etag.go calculateETag makes it. */
export function etagOf(text: string): string {
  return `"${createHash('sha512').update(text).digest('hex').toUpperCase()}"`;
}

/**
 * A discovery document serialized once: requests only pick a form and copy bytes. The ETag names the content,
 * whichever form is sent (Vary: Accept keeps caches apart, as upstream reasons in aggregated/handler.go).
 */
export class ServedDocument {
  readonly etag: string;
  private readonly bodies = new Map<DocumentFormat, Buffer>();

  constructor(
    private readonly value: object,
    etagSource: string = JSON.stringify(value),
  ) {
    this.etag = etagOf(etagSource);
  }

  body(format: DocumentFormat): Buffer {
    let body = this.bodies.get(format);
    if (!body) {
      const text = format === 'yaml' ? dumpYaml(this.value) : format === 'pretty' ? `${JSON.stringify(this.value, null, 2)}\n` : JSON.stringify(this.value);
      body = Buffer.from(text, 'utf8');
      this.bodies.set(format, body);
    }
    return body;
  }
}

/**
 * Writes a document with its ETag, or 304 when the client already holds it. Like aggregated/etag.go
 * ServeHTTPWithETag, If-None-Match must equal the quoted tag exactly.
 */
export function sendDocument(req: Request, res: Response, document: ServedDocument, contentType: string, format: DocumentFormat, cacheControl?: string): void {
  res.setHeader('ETag', document.etag);
  res.setHeader('Vary', 'Accept');
  if (cacheControl) res.setHeader('Cache-Control', cacheControl);
  if (req.get('if-none-match') === document.etag) {
    res.status(304).end();
    return;
  }
  const body = document.body(format);
  res.status(200);
  // Set verbatim: Express's send would add a charset and re-space the parameters clients compare literally.
  res.setHeader('Content-Type', format === 'yaml' ? 'application/yaml' : contentType);
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}
