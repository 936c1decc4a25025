import { newControllerRef } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { EndpointTarget } from './deployment-objects.js';
import type { GenerationContext } from './generation-context.js';

export interface ServicePlan {
  namespace: string;
  name: string;
  clusterIP: string;
  selector: Record<string, string> | undefined;
  ports: { name: string; port: number; targetPort: number | string; protocol: 'TCP' | 'UDP' }[];
  createdMs: number;
}

export function serviceObject(context: GenerationContext, plan: ServicePlan): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      uid: context.uid(),
      resourceVersion: context.nextResourceVersion(),
      creationTimestamp: context.time(plan.createdMs),
      labels: plan.selector ? { app: plan.name } : { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: plan.clusterIP,
      clusterIPs: [plan.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: plan.ports,
      ...(plan.selector ? { selector: plan.selector } : {}),
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}

/** The endpoint slice controller keeps at most 100 endpoints in a slice (--max-endpoints-per-slice). */
const MAX_ENDPOINTS_PER_SLICE = 100;

/** The EndpointSlices of a Service, as pkg/controller/endpointslice writes them: ready and not-ready pods. */
export function endpointSliceObjects(context: GenerationContext, service: KubeObject, plan: ServicePlan, targets: readonly EndpointTarget[]): KubeObject[] {
  const slices: KubeObject[] = [];
  for (let start = 0; start === 0 || start < targets.length; start += MAX_ENDPOINTS_PER_SLICE) {
    const chunk = targets.slice(start, start + MAX_ENDPOINTS_PER_SLICE);
    slices.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${plan.name}-${context.suffix(5)}`,
        generateName: `${plan.name}-`,
        namespace: plan.namespace,
        uid: context.uid(),
        resourceVersion: context.nextResourceVersion(),
        generation: 1,
        creationTimestamp: context.time(plan.createdMs),
        labels: {
          ...(plan.selector ? { app: plan.name } : {}),
          'endpointslice.kubernetes.io/managed-by': plan.selector ? 'endpointslice-controller.k8s.io' : 'endpointslicemirroring-controller.k8s.io',
          'kubernetes.io/service-name': plan.name,
        },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': context.time(context.capturedAtMs - 3_600_000) },
        ownerReferences: [newControllerRef(service)],
      },
      addressType: 'IPv4',
      endpoints: chunk.map((target) => ({
        addresses: [target.ip],
        conditions: { ready: target.ready, serving: target.ready, terminating: false },
        nodeName: target.nodeName,
        targetRef: { kind: 'Pod', name: target.name, namespace: target.namespace, uid: target.uid },
        ...(target.zone === undefined ? {} : { zone: target.zone }),
      })),
      ports: plan.ports.map((port) => ({ name: port.name, port: typeof port.targetPort === 'number' ? port.targetPort : 8080, protocol: port.protocol })),
    });
  }
  return slices;
}
