import { type Request, type Response, Router } from 'express';
import type { ResourceRegistry } from '../../cluster/index.js';
import { notAcceptable, resourceNotFound } from '../errors/api-error.js';
import { matchesType, parseAccept } from '../negotiation/accept.js';
import { isNotModified } from './conditional-get.js';
import { clusterOpenApiDocuments } from './cluster-documents.js';
import type { OpenApiDocuments } from './openapi-documents.js';
import { serverRelativeUrl } from './served-document.js';

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

export interface OpenApiRouterOptions {
  /** The clock: the documents' Last-Modified is when the router is built; Expires counts from each request. */
  now?: () => Date;
  /** The served cluster's resources: its custom resources are published beside the built-in ones. */
  registry?: ResourceRegistry;
  documents?: OpenApiDocuments;
}

type Format = 'json' | 'protobuf';

interface Offer {
  subtype: string;
  format: Format;
}

/** What /openapi/v2 offers, in kube-openapi pkg/handler/handler.go's order (the `@` form is the deprecated one). */
const V2_OFFERS: Offer[] = [
  { subtype: 'json', format: 'json' },
  { subtype: 'com.github.proto-openapi.spec.v2@v1.0+protobuf', format: 'protobuf' },
  { subtype: 'com.github.proto-openapi.spec.v2.v1.0+protobuf', format: 'protobuf' },
];

/** /openapi/v3/<key> offers JSON only; upstream's v3 protobuf form is not served (no client in scope asks for it). */
const V3_OFFERS: Offer[] = [{ subtype: 'json', format: 'json' }];

const CONTENT_TYPES: Record<Format, string> = { json: 'application/json', protobuf: OPENAPI_V2_PROTOBUF };

/**
 * The OpenAPI documents: /openapi/v2 (JSON or gnostic protobuf), /swagger-2.0.0.pb-v1 (the path kubectl ≤1.28
 * retries with), the /openapi/v3 index and its per-group-version documents, with the headers of kube-openapi
 * pkg/handler/handler.go and pkg/handler3/handler.go: quoted SHA-512 ETags, Last-Modified, 304s, `Vary: Accept`;
 * a v3 document asked for by its current `?hash=` is immutable for a year, a stale hash is redirected (301).
 */
export function createOpenApiRouter(options: OpenApiRouterOptions = {}): Router {
  const documents = options.documents ?? clusterOpenApiDocuments(options.registry);
  const now = options.now ?? (() => new Date());
  const lastModified = now();
  const router = Router({ caseSensitive: true, strict: true });

  router.get('/openapi/v2', (req, res) => {
    res.append('Vary', 'Accept');
    const format = negotiate(req, V2_OFFERS);
    const body = format === 'protobuf' ? documents.v2Protobuf() : documents.v2().body;
    send(req, res, body, documents.v2().etag, CONTENT_TYPES[format], lastModified);
  });

  router.get('/swagger-2.0.0.pb-v1', (req, res) => {
    send(req, res, documents.v2Protobuf(), documents.v2().etag, OPENAPI_V2_PROTOBUF, lastModified);
  });

  router.get('/openapi/v3', (req, res) => {
    const root = documents.v3Root();
    send(req, res, root.body, root.etag, 'application/json', lastModified);
  });

  router.get('/openapi/v3/*key', (req, res) => {
    res.append('Vary', 'Accept');
    const format = negotiate(req, V3_OFFERS);
    const key = (req.params as { key: string[] }).key.join('/');
    const document = documents.v3(key);
    if (!document) throw resourceNotFound();
    const hash = firstQueryValue(req.query['hash']);
    if (hash !== undefined && hash !== '') {
      if (hash !== document.etag) {
        // Go's http.Redirect writes no body when Content-Type is already set, as the handler has done.
        res
          .status(301)
          .setHeader('Content-Type', CONTENT_TYPES[format])
          .setHeader('ETag', `"${document.etag}"`)
          .setHeader('Location', serverRelativeUrl(key, document.etag))
          .end();
        return;
      }
      res.setHeader('Cache-Control', 'public, immutable');
      // Upstream formats with Go's RFC1123 in the server's zone; GMT is the HTTP-date form of the same instant.
      res.setHeader('Expires', oneYearAfter(now()).toUTCString());
    }
    send(req, res, document.body, document.etag, CONTENT_TYPES[format], lastModified);
  });

  return router;
}

/** The first offer matching the client's clauses in preference order; none is a 406. An empty Accept means `*\/*`. */
function negotiate(req: Request, offers: Offer[]): Format {
  const clauses = parseAccept(req.get('accept') || '*/*');
  for (const clause of clauses) {
    const offer = offers.find((o) => matchesType(clause, 'application', o.subtype));
    if (offer) return offer.format;
  }
  throw notAcceptable([...new Set(offers.map((o) => CONTENT_TYPES[o.format]))]);
}

/** http.ServeContent's part that matters here: validators, 304, and the body with its length. */
function send(req: Request, res: Response, body: Buffer, etag: string, contentType: string, lastModified: Date): void {
  res.setHeader('ETag', `"${etag}"`);
  if (isNotModified(req, etag, lastModified)) {
    res.status(304).end();
    return;
  }
  res
    .status(200)
    .setHeader('Content-Type', contentType)
    .setHeader('Last-Modified', lastModified.toUTCString())
    .setHeader('Content-Length', String(body.length))
    .end(body);
}

function firstQueryValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function oneYearAfter(date: Date): Date {
  const later = new Date(date.getTime());
  later.setUTCFullYear(later.getUTCFullYear() + 1);
  return later;
}
