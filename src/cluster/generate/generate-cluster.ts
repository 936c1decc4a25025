import type { KubeObject } from '../objects.js';
import { type DeploymentPlan, deploymentObjects } from './deployment-objects.js';
import { type GenerateOptions, invalidGenerateOptions } from './generate-options.js';
import { GenerationContext } from './generation-context.js';
import { completedJobObjects } from './job-objects.js';
import { KubeProxy } from './kube-proxy-objects.js';
import { deploymentName, namespaceName, nodeName } from './names.js';
import { namespaceObject } from './namespace-object.js';
import { clusterIP } from './network.js';
import { type GeneratedNode, leaseObject, nodeObject, planNode } from './node-objects.js';
import { NodePlacer } from './node-placer.js';
import { endpointSliceObjects, serviceObject, type ServicePlan } from './service-objects.js';

/** What a generated cluster holds, and queries a benchmark can ask of it with known answers. */
export interface GeneratedClusterSummary {
  nodes: number;
  pods: number;
  namespaces: number;
  objects: number;
  /** Objects by kind. */
  kinds: Record<string, number>;
  /** Pods by namespace, every namespace that has any. */
  podsByNamespace: Record<string, number>;
  samples: {
    /** An application namespace and how many pods it holds. */
    namespace: { name: string; pods: number };
    /** A worker node and how many pods run there. */
    node: { name: string; pods: number };
    /** A label selector matching one Deployment's pods cluster-wide (100 whenever the cluster has room for it). */
    labelSelector: { selector: string; pods: number };
    /** A Running pod. */
    pod: { namespace: string; name: string };
  };
}

export interface GeneratedCluster {
  /** Every object, made as it is iterated (never all at once): iterate it once. */
  objects: Iterable<KubeObject>;
  /** Complete once `objects` has been iterated to its end. */
  summary(): GeneratedClusterSummary;
}

const BUILT_IN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;
/** Deployment sizes, drawn in turn: most applications run a few replicas, some run many. */
const REPLICAS = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 8, 10, 12, 15, 20, 25, 30, 50, 100] as const;
const SELECTOR_PODS = 100;

/**
 * A realistic cluster of exactly `nodes` nodes and `pods` pods: kube-proxy on every node, CoreDNS, Deployments
 * (with their ReplicaSets, Services and EndpointSlices) spread over the application namespaces, a completed Job here
 * and there; pods spread round-robin over the Ready workers. Deterministic for a seed.
 */
export function generateCluster(options: GenerateOptions): GeneratedCluster {
  const invalid = invalidGenerateOptions(options);
  if (invalid !== undefined) throw new Error(invalid);
  const kinds: Record<string, number> = {};
  const podsByNamespace = new Map<string, number>();
  let podsOnNode: Uint32Array = new Uint32Array(0);
  let objects = 0;
  let labelSelector = { selector: '', pods: 0 };
  let samplePod = { namespace: '', name: '' };
  let nodes: GeneratedNode[] = [];
  let nodeIndex = new Map<string, number>();
  const namespaces = Array.from({ length: options.namespaces }, (_, i) => namespaceName(i));

  function* all(): Generator<KubeObject> {
    const context = new GenerationContext(options);
    const controlPlanes = options.nodes >= 50 ? 3 : 1;
    nodes = Array.from({ length: options.nodes }, (_, i) =>
      planNode(i, nodeName(i, controlPlanes), i < controlPlanes, i < controlPlanes || !context.chance(0.002)),
    );
    podsOnNode = new Uint32Array(nodes.length);
    nodeIndex = new Map(nodes.map((node) => [node.name, node.index]));
    const zoneOf = (name: string): string | undefined => nodes[nodeIndex.get(name) ?? -1]?.zone;

    for (const name of BUILT_IN_NAMESPACES) yield namespaceObject(context, name, context.clusterCreatedMs);
    for (const name of namespaces) yield namespaceObject(context, name, context.clusterCreatedMs + 86_400_000, { team: name.replace(/-\d+$/, '') });

    const nodeObjects: KubeObject[] = [];
    for (const node of nodes) {
      const object = nodeObject(context, node);
      nodeObjects.push(object);
      yield object;
    }
    for (const node of nodeObjects) yield leaseObject(context, node);

    let serviceIndex = 10;
    const kubernetes: ServicePlan = {
      namespace: 'default',
      name: 'kubernetes',
      clusterIP: clusterIP(1),
      selector: undefined,
      ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
      createdMs: context.clusterCreatedMs,
    };
    yield serviceObject(context, kubernetes);

    const kubeProxy = new KubeProxy(context, nodes.length);
    yield kubeProxy.daemonSet();
    for (const node of nodes) yield kubeProxy.pod(node, nodeObjects[node.index]?.metadata.creationTimestamp as string);

    const placer = new NodePlacer(nodes);
    let budget = options.pods - nodes.length;
    const coreDns = Math.min(2, budget);
    budget -= coreDns;
    const jobs = Math.floor(budget * 0.005);
    budget -= jobs;
    const plans: DeploymentPlan[] = coreDns > 0 ? [{ namespace: 'kube-system', name: 'coredns', replicas: coreDns }] : [];
    const perNamespace = new Uint32Array(namespaces.length);
    for (let i = 0; budget > 0; i++) {
      const drawn = i === 0 ? SELECTOR_PODS : context.pick(REPLICAS);
      const replicas = Math.min(drawn, budget);
      const slot = i % namespaces.length;
      plans.push({ namespace: namespaces[slot] as string, name: deploymentName(perNamespace[slot] ?? 0), replicas });
      perNamespace[slot] = (perNamespace[slot] ?? 0) + 1;
      budget -= replicas;
    }

    for (const plan of plans) {
      const generated = deploymentObjects(context, plan, placer, zoneOf);
      if (labelSelector.pods === 0 && plan.namespace !== 'kube-system') labelSelector = { selector: generated.labelSelector, pods: plan.replicas };
      for (const object of generated.objects) {
        if (object.kind === 'Pod' && samplePod.name === '' && plan.namespace !== 'kube-system' && isRunning(object)) {
          samplePod = { namespace: plan.namespace, name: object.metadata.name };
        }
        yield object;
      }
      const service: ServicePlan = {
        namespace: plan.namespace,
        name: plan.name,
        clusterIP: clusterIP(serviceIndex++),
        selector: (generated.objects[0]?.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels,
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
        createdMs: Date.parse(generated.objects[0]?.metadata.creationTimestamp as string),
      };
      const serviceObj = serviceObject(context, service);
      yield serviceObj;
      yield* endpointSliceObjects(context, serviceObj, service, generated.endpoints);
    }
    for (let j = 0; j < jobs; j++) yield* completedJobObjects(context, namespaces[j % namespaces.length] as string, Math.floor(j / namespaces.length), placer);
  }

  function* counted(): Generator<KubeObject> {
    for (const object of all()) {
      objects += 1;
      kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
      if (object.kind === 'Pod') {
        const namespace = object.metadata.namespace as string;
        podsByNamespace.set(namespace, (podsByNamespace.get(namespace) ?? 0) + 1);
        const node = (object.spec as { nodeName?: string }).nodeName;
        const index = node === undefined ? undefined : nodeIndex.get(node);
        if (index !== undefined) podsOnNode[index] = (podsOnNode[index] ?? 0) + 1;
      }
      yield object;
    }
  }

  return {
    objects: { [Symbol.iterator]: counted },
    summary: () => {
      const sampleNode = nodes[Math.min(nodes.length - 1, Math.floor(nodes.length / 2))];
      const sampleNamespace = namespaces[0] as string;
      return {
        nodes: kinds.Node ?? 0,
        pods: kinds.Pod ?? 0,
        namespaces: kinds.Namespace ?? 0,
        objects,
        kinds: { ...kinds },
        podsByNamespace: Object.fromEntries(podsByNamespace),
        samples: {
          namespace: { name: sampleNamespace, pods: podsByNamespace.get(sampleNamespace) ?? 0 },
          node: { name: sampleNode?.name ?? '', pods: sampleNode === undefined ? 0 : (podsOnNode[sampleNode.index] ?? 0) },
          labelSelector,
          pod: samplePod,
        },
      };
    },
  };
}

function isRunning(object: KubeObject): boolean {
  return (object.status as { phase?: string } | undefined)?.phase === 'Running';
}
