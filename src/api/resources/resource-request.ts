import type { Cluster, ResourceType } from '../../cluster/index.js';
import type { ResourceOutput } from '../negotiation/resource-output.js';
import type { ResourceRequestInfo } from '../request/request-info.js';
import type { IncludeObject } from '../printing/table-row.js';

/** Everything a resource handler needs to answer one GET, resolved once by the resource router. */
export interface ResourceRequest {
  cluster: Cluster;
  type: ResourceType;
  info: ResourceRequestInfo;
  query: Record<string, unknown>;
  output: ResourceOutput;
  includeObject: IncludeObject;
}

export function groupVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}
