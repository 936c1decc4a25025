import type { Node, Pod } from '../../objects.js';

/** The condition a network add-on writes on a node once its agent runs there (weave: `WeaveIsUp`). */
export interface NetworkUpCondition {
  reason: string;
  message: string;
}

/**
 * What a node's machine holds besides the kubelet, which the kubelet only observes: the static pod manifests in
 * /etc/kubernetes/manifests, how long its image pulls take, and the network add-on whose agent pod writes the
 * CNI config. Compact cluster files describe these; a captured cluster has none of them.
 */
export interface NodeRuntime {
  /** The machines that boot while the simulation runs: each one's kubelet starts then and registers its Node. */
  machines?: readonly { bootsAtMs: number; registration: Node }[];
  /** The mirror pods of the node's static pod manifests (pkg/kubelet/config/file.go, pkg/kubelet/pod/mirror_client.go). */
  staticPods?(nodeName: string): Pod[];
  /** The instant a pull of `image` on the node completes, when the cluster says so (a pull still in progress at the present). */
  pullEndsAt?(nodeName: string, image: string): number | undefined;
  /**
   * The network add-on: until its agent pod runs on a node there is no CNI config there, so the container runtime
   * reports NetworkReady=false and the kubelet keeps the node NotReady (pkg/kubelet/kubelet.go updateRuntimeUp).
   */
  network?: {
    isAgent(pod: Pod): boolean;
    condition: NetworkUpCondition | undefined;
    /** Whether the node's CNI config was in place before its kubelet started (installed outside the cluster). */
    installed(nodeName: string): boolean;
  };
}
