import type { Response } from 'express';
import yaml from 'js-yaml';
import type { EncodedBody } from '../encoding/resource-encoder.js';

/**
 * Writes a JSON body made of pre-serialized pieces (list items are serialized once per object version and
 * reused), with its Content-Length known up front so the gzip filter can apply the real server's threshold.
 * Pieces are written in batches, so a list of many thousands of objects never becomes one giant string.
 * A compact body ends with a newline, as Go's json.Encoder writes it (apimachinery serializer/json doEncode);
 * an indented one does not (MarshalIndent).
 */
export function writeJsonPieces(res: Response, status: number, bodyPieces: readonly string[], options: { newline?: boolean } = {}): void {
  const pieces = options.newline === false ? bodyPieces : [...bodyPieces, '\n'];
  let length = 0;
  for (const piece of pieces) length += Buffer.byteLength(piece, 'utf8');
  res.status(status);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', String(length));
  const batch: string[] = [];
  let batchLength = 0;
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 64 * 1024) {
      res.write(batch.join(''));
      batch.length = 0;
      batchLength = 0;
    }
  }
  res.end(batch.join(''));
}

/** A resource response as its encoder made it (encoding/): JSON pieces, or a YAML document. */
export function writeEncoded(res: Response, status: number, body: EncodedBody): void {
  if (body.mediaType === 'application/yaml') res.status(status).type('application/yaml').send(body.text);
  else writeJsonPieces(res, status, [...body.pieces], { newline: body.newline });
}

/** A body as the client negotiated it: compact JSON, indented JSON, or YAML. */
export function writeObject(res: Response, status: number, body: unknown, format: 'json' | 'pretty' | 'yaml'): void {
  if (format === 'yaml') {
    res
      .status(status)
      .type('application/yaml')
      .send(yaml.dump(body, { noRefs: true, lineWidth: -1 }));
    return;
  }
  if (format === 'pretty') writeJsonPieces(res, status, [JSON.stringify(body, null, 2)], { newline: false });
  else writeJsonPieces(res, status, [JSON.stringify(body)]);
}

/**
 * A body with exactly the Content-Type given: Express's `send` would append `; charset=utf-8` and re-space
 * parameters, which changes media types clients compare literally (aggregated discovery's).
 */
export function writeRaw(res: Response, status: number, contentType: string, body: string | Buffer): void {
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body);
}
