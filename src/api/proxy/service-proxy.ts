import type { Endpoints, Pod, Service } from '../../cluster/index.js';
import type { ConnectRequest } from '../connect/connect-request.js';
import { isUpgradeRequest } from '../connect/upgrade-request.js';
import { ApiError, badRequest, notFound } from '../errors/api-error.js';
import { redirectToProxyRoot } from './proxy-path.js';
import { joinHostPort, splitSchemeNamePort } from './proxy-target.js';
import { unreachableBackend } from './unreachable-backend.js';

/**
 * services/<name>[:<port>]/proxy/<path>: the API server picks a ready endpoint of the service from its
 * Endpoints, on the port named (a port number is first turned into the service port's name), and dials it
 * (k/k pkg/registry/core/service/storage/storage.go ResourceLocation, isValidAddress). Without endpoints it
 * answers 503; with some, the dial fails, as there is no pod network behind kubefacade.
 */
const serviceUnavailable = (message: string): ApiError => new ApiError(503, 'ServiceUnavailable', message);

export function serviceProxy({ cluster, info, subpath, req, res }: ConnectRequest): void {
  const target = splitSchemeNamePort(info.name);
  if (!target) throw badRequest(`invalid service request ${JSON.stringify(info.name)}`);
  const namespace = info.namespace ?? '';
  let portName = target.port;
  if (/^[+-]?\d+$/.test(target.port)) {
    const service = cluster.store.get('/services', namespace, target.name)?.object as Service | undefined;
    if (!service) throw notFound('', 'services', target.name);
    const number = Number(target.port);
    const port = (service.spec?.ports ?? []).find((p) => p.port === number);
    if (!port) throw serviceUnavailable(`no service port ${number} found for service ${JSON.stringify(target.name)}`);
    portName = port.name ?? '';
  }
  const endpoints = cluster.store.get('/endpoints', namespace, target.name)?.object as Endpoints | undefined;
  if (!endpoints) throw notFound('', 'endpoints', target.name);
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) throw serviceUnavailable(`no endpoints available for service ${JSON.stringify(target.name)}`);
  const address = pickAddress(cluster.store, namespace, endpoints, portName);
  // Upstream names the whole id here, port and scheme included.
  if (address === undefined) throw serviceUnavailable(`no endpoints available for service ${JSON.stringify(info.name)}`);
  const upgrade = isUpgradeRequest(req.headers);
  if (subpath === '' && !upgrade) return redirectToProxyRoot(req, res);
  throw unreachableBackend(address, 'no route to host', upgrade);
}

type Store = ConnectRequest['cluster']['store'];

/** The first ready address (a pod of the namespace that still has the IP) of a subset serving the port name. */
function pickAddress(store: Store, namespace: string, endpoints: Endpoints, portName: string): string | undefined {
  for (const subset of endpoints.subsets ?? []) {
    const port = (subset.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (port === undefined) continue;
    for (const address of subset.addresses ?? []) {
      const ref = address.targetRef;
      if (ref?.name === undefined || ref.namespace !== namespace) continue;
      const pod = store.get('/pods', namespace, ref.name)?.object as Pod | undefined;
      // The API server fills podIPs from podIP on every write; a stored pod may carry podIP alone.
      const ips = pod?.status?.podIPs?.map((ip) => ip.ip) ?? (pod?.status?.podIP ? [pod.status.podIP] : []);
      if (ips.includes(address.ip)) return joinHostPort(address.ip, port.port);
    }
  }
  return undefined;
}
