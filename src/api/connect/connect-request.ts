import type { Request, Response } from 'express';
import type { Cluster, ResourceType, SubresourceType } from '../../cluster/index.js';
import type { ResourceRequestInfo } from '../request/request-info.js';

/**
 * A request on a connect subresource (one whose storage upstream is a rest.Connecter: pods/exec, nodes/proxy,
 * ...), resolved by the resource router: the object's resource, the subresource as the registry declares it,
 * and the rest of the path after the subresource, which the proxy subresources pass on to their backend.
 */
export interface ConnectRequest {
  cluster: Cluster;
  type: ResourceType;
  subresource: SubresourceType;
  info: ResourceRequestInfo & { name: string; subresource: string };
  /** What follows the subresource in the URL path, as sent: `''` for `…/proxy`, `'/'`, `'/stats/summary'`. */
  subpath: string;
  req: Request;
  res: Response;
}

export type ConnectHandler = (request: ConnectRequest) => void;
