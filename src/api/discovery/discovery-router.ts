import { createHash } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import type { ResourceRegistry } from '../../cluster/index.js';
import { notAcceptable, resourceNotFound } from '../errors/api-error.js';
import { matchesType, parseAccept } from '../negotiation/accept.js';
import { SERVED_MEDIA_TYPES } from '../negotiation/resource-output.js';
import { writeRaw } from '../responses/write-body.js';
import { aggregatedDiscovery, type DiscoveryVersion } from './aggregated-documents.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './legacy-documents.js';

export interface DiscoveryOptions {
  /** host:port clients reach the server at, for /api's serverAddressByClientCIDRs. */
  serverAddress(): string;
}

interface Document {
  body: string;
  etag: string;
}

function document(value: object): Document {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"` };
}

/**
 * Which discovery form a request to /api or /apis gets (apiserver endpoints/discovery/aggregated/wrapper.go):
 * the first Accept clause that is either `application/json;g=apidiscovery.k8s.io;v=v2|v2beta1;as=APIGroupDiscoveryList`
 * (aggregated) or plain JSON (legacy). Clauses asking for any other conversion are skipped.
 *
 * v2beta1 is still served although a 1.33 server dropped it (AggregatedDiscoveryRemoveBetaType): kubectl 1.27–1.29
 * ask only for v2beta1 and otherwise fall back to one request per group version, which works but is slower.
 */
function negotiate(req: Request): DiscoveryVersion | 'legacy' {
  const ranges = parseAccept(req.get('accept'));
  if (ranges.length === 0) return 'legacy';
  for (const range of ranges) {
    const as = range.params['as'];
    if (as !== undefined) {
      const version = range.params['v'];
      if (as === 'APIGroupDiscoveryList' && range.params['g'] === 'apidiscovery.k8s.io' && (version === 'v2' || version === 'v2beta1') && matchesType(range, 'application', 'json')) {
        return version;
      }
      continue;
    }
    if (matchesType(range, 'application', 'json')) return 'legacy';
  }
  throw notAcceptable(SERVED_MEDIA_TYPES);
}

function sendJson(res: Response, body: string): void {
  writeRaw(res, 200, 'application/json', body);
}

/** An aggregated document: its own Content-Type, cacheable, with a content hash ETag (aggregated/etag.go). */
function sendAggregated(req: Request, res: Response, version: DiscoveryVersion, doc: Document): void {
  res.setHeader('Vary', 'Accept');
  res.setHeader('Cache-Control', 'public');
  res.setHeader('ETag', doc.etag);
  if (req.get('if-none-match') === doc.etag) {
    res.status(304).end();
    return;
  }
  writeRaw(res, 200, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`, doc.body);
}

/** /api, /api/v1, /apis, /apis/<group>, /apis/<group>/<version>: built once from the registry, served as-is. */
export function createDiscoveryRouter(registry: ResourceRegistry, options: DiscoveryOptions): Router {
  const router = Router({ strict: false });
  const aggregated = {
    api: { v2: document(aggregatedDiscovery(registry, 'api', 'v2')), v2beta1: document(aggregatedDiscovery(registry, 'api', 'v2beta1')) },
    apis: { v2: document(aggregatedDiscovery(registry, 'apis', 'v2')), v2beta1: document(aggregatedDiscovery(registry, 'apis', 'v2beta1')) },
  };
  const groupList = JSON.stringify(apiGroupList(registry));
  const groups = new Map(registry.groups().map((group) => [group, JSON.stringify({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(registry, group) })]));
  const resourceLists = new Map<string, string>([['v1', JSON.stringify(apiResourceList(registry, '', 'v1'))]]);
  for (const group of registry.groups()) {
    for (const version of registry.versionsOf(group)) resourceLists.set(`${group}/${version}`, JSON.stringify(apiResourceList(registry, group, version)));
  }

  router.get('/api', (req, res) => {
    const form = negotiate(req);
    if (form === 'legacy') sendJson(res, JSON.stringify(apiVersions(options.serverAddress())));
    else sendAggregated(req, res, form, aggregated.api[form]);
  });
  router.get('/apis', (req, res) => {
    const form = negotiate(req);
    if (form === 'legacy') sendJson(res, groupList);
    else sendAggregated(req, res, form, aggregated.apis[form]);
  });
  router.get('/api/:version', (req, res) => {
    const body = req.params.version === 'v1' ? resourceLists.get('v1') : undefined;
    if (!body) throw resourceNotFound();
    sendJson(res, body);
  });
  router.get('/apis/:group', (req, res) => {
    const body = groups.get(req.params.group);
    if (!body) throw resourceNotFound();
    sendJson(res, body);
  });
  router.get('/apis/:group/:version', (req, res) => {
    const body = resourceLists.get(`${req.params.group}/${req.params.version}`);
    if (!body) throw resourceNotFound();
    sendJson(res, body);
  });
  return router;
}
