import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Cluster, ResourceType, SubresourceType } from '../../cluster/index.js';
import { connectHandlerFor } from '../connect/connect-handlers.js';
import type { ConnectRequest } from '../connect/connect-request.js';
import { methodNotAllowed, resourceNotFound } from '../errors/api-error.js';
import { podLogs } from '../logs/pod-log-handler.js';
import { serveMetrics } from '../metrics-api/index.js';
import { negotiateResourceOutput, wantsPretty } from '../negotiation/resource-output.js';
import { parseIncludeObject } from '../printing/table-row.js';
import { messageNameOf } from '../protobuf/index.js';
import type { ResourceRequestInfo } from '../request/request-info.js';
import { requestInfoOf } from '../request/request-attributes-of.js';
import { addWarning } from '../responses/warnings.js';
import { type WatchTiming, watchResource } from '../watch/watch-handler.js';
import { getResource } from './get-handler.js';
import { listResource } from './list-handler.js';
import type { ResourceRequest } from './resource-request.js';

/**
 * Subresources a read-only server can answer with a GET: `status`, `ephemeralcontainers` and `resize` read the
 * object itself (printed as the object is), `scale` its autoscaling/v1 Scale, `log` the container's lines.
 */
const READABLE_SUBRESOURCES = new Set(['status', 'ephemeralcontainers', 'resize', 'scale', 'log']);

/**
 * GET on resource URLs: resolves the resource from the registry, checks scope and verb, negotiates the
 * output and hands over to the get, list, watch or log handler. A connect subresource (exec, proxy, ...) goes
 * to the handler of the kind the registry declares it with, before any output is negotiated: what it answers
 * is the backend's, or a Status. Anything else falls through.
 */
export function createResourceRouter(cluster: Cluster, timing: WatchTiming): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const query = req.query as Record<string, unknown>;
    const info = requestInfoOf(req);
    if (!info.isResourceRequest) return next();
    const type = resolveResource(cluster, info);
    const subresource = info.subresource === undefined ? undefined : declaredSubresource(type, info.subresource);
    const connect = subresource === undefined ? undefined : connectHandlerFor(subresource);
    if (type.deprecationWarning) addWarning(res, type.deprecationWarning);
    if (subresource !== undefined && connect !== undefined) return connect(connectRequest(cluster, type, subresource, info, req, res));
    checkReadable(type, info);
    const request = buildRequest(cluster, type, info, req, query);
    if (info.subresource === 'log') return podLogs(request, req, res);
    // Computed resources (metrics.k8s.io) are not in the store: their own handler answers them.
    if (type.storage === 'virtual') return serveMetrics(request, res, cluster.metrics);
    switch (info.verb) {
      case 'watch':
        return watchResource(request, req, res, timing);
      case 'list':
        return listResource(request, res);
      default:
        return getResource(request, res);
    }
  };
}

function resolveResource(cluster: Cluster, info: ResourceRequestInfo): ResourceType {
  const type = cluster.registry.find(info.group, info.version, info.resource);
  if (!type) throw resourceNotFound();
  if (!type.namespaced && info.namespace !== undefined) throw resourceNotFound();
  // A namespaced object is only reachable through its namespace: /api/v1/pods/x is no URL at all.
  if (type.namespaced && info.name !== undefined && info.namespace === undefined) throw resourceNotFound();
  return type;
}

function declaredSubresource(type: ResourceType, name: string): SubresourceType {
  const subresource = type.subresources.find((s) => s.name === name);
  if (!subresource) throw resourceNotFound();
  return subresource;
}

function checkReadable(type: ResourceType, info: ResourceRequestInfo): void {
  if (info.subresource !== undefined && (!READABLE_SUBRESOURCES.has(info.subresource) || info.name === undefined)) throw methodNotAllowed();
  if (!type.verbs.includes(info.verb)) throw methodNotAllowed();
}

/**
 * A connect subresource is served on one object, for the verbs it declares (a GET is `get`); what follows the
 * subresource in the path is the proxy's. Upstream the routes are `…/{name}/{subresource}` and
 * `…/{name}/{subresource}/{path:*}` (apiserver pkg/endpoints/installer.go, connect actions).
 */
function connectRequest(
  cluster: Cluster,
  type: ResourceType,
  subresource: SubresourceType,
  info: ResourceRequestInfo,
  req: Request,
  res: Response,
): ConnectRequest {
  if (info.name === undefined || info.subresource === undefined || !subresource.verbs.includes(info.verb)) throw methodNotAllowed();
  const segments = req.path.split('/');
  const before = (info.group === '' ? 2 : 3) + (info.namespace !== undefined ? 2 : 0) + 3;
  const subpath = req.path.slice(segments.slice(0, 1 + before).join('/').length);
  return { cluster, type, subresource, info: { ...info, name: info.name, subresource: info.subresource }, subpath, req, res };
}

function buildRequest(cluster: Cluster, type: ResourceType, info: ResourceRequestInfo, req: Request, query: Record<string, unknown>): ResourceRequest {
  const tableAllowed = info.subresource !== 'log';
  // Objects of the store can be answered as their metadata alone; logs, scales and computed metrics cannot.
  const metadataAllowed = type.storage === 'stored' && info.subresource === undefined;
  const partialMetadata = metadataAllowed ? (info.verb === 'list' ? 'PartialObjectMetadataList' : 'PartialObjectMetadata') : undefined;
  const output = negotiateResourceOutput(req.get('accept'), {
    tableAllowed,
    pretty: wantsPretty(query, req.get('user-agent')),
    ...(partialMetadata ? { partialMetadata } : {}),
    protobuf: hasProtobufMessage(type, info.subresource),
  });
  const includeObject = output.format === 'table' ? parseIncludeObject(query['includeObject']) : 'Metadata';
  return { cluster, type, info, query, output, includeObject };
}

/**
 * Whether the answer's kind has a protobuf message: the resource's own kind, or its subresource's (a Scale is
 * autoscaling/v1's); none for a custom resource, as apiextensions-apiserver serves those in JSON and YAML only.
 */
function hasProtobufMessage(type: ResourceType, subresource: string | undefined): boolean {
  if (type.origin !== 'builtin' || subresource === 'log') return false;
  const declared = subresource === undefined ? undefined : type.subresources.find((s) => s.name === subresource);
  const group = declared?.group ?? type.group;
  const version = declared?.version ?? type.version;
  return messageNameOf(group === '' ? version : `${group}/${version}`, declared?.kind ?? type.kind) !== undefined;
}
