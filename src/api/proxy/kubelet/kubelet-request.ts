import type { Cluster, Node } from '../../../cluster/index.js';

/** A request the API server forwards to a node's (simulated) kubelet on its port. */
export interface KubeletRequest {
  cluster: Cluster;
  node: Node;
  /** GET or HEAD: writes never get past the authorization filter. */
  method: string;
  /** The path on the kubelet, decoded, from `/`: `/stats/summary`, `/logs/pods/`. */
  path: string;
  /** The query as the client sent it, without `?`. */
  rawQuery: string;
  upgrade: boolean;
}
