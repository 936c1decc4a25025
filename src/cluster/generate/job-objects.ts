import { newControllerRef } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { GenerationContext } from './generation-context.js';
import type { NodePlacer } from './node-placer.js';
import { podObject } from './pod-object.js';

/**
 * A completed Job of an hourly CronJob and its one Succeeded pod: the pods of phase Succeeded a cluster keeps. The
 * `round`-th Job of a namespace ran `round + 1` hours before the capture, named as the CronJob controller names
 * them (`<cronjob>-<scheduled minute>`).
 */
export function completedJobObjects(context: GenerationContext, namespace: string, round: number, placer: NodePlacer): KubeObject[] {
  const startedMs = Math.floor(context.capturedAtMs / 3_600_000) * 3_600_000 - (round + 1) * 3_600_000;
  const name = `hourly-report-${Math.floor(startedMs / 60_000)}`;
  const uid = context.uid();
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  const templateSpec = {
    containers: [
      {
        name: 'report',
        image: `registry.example.com/${namespace}/report:2.4.1`,
        imagePullPolicy: 'IfNotPresent',
        command: ['/bin/report', '--since=24h'],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Never',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  };
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, uid, resourceVersion: context.nextResourceVersion(), generation: 1, creationTimestamp: context.time(startedMs), labels },
    spec: {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      suspend: false,
      template: { metadata: { labels }, spec: templateSpec },
    },
    status: {
      completionTime: context.time(startedMs + 50_000),
      conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: context.time(startedMs + 50_000), lastTransitionTime: context.time(startedMs + 50_000) },
        { type: 'Complete', status: 'True', lastProbeTime: context.time(startedMs + 50_000), lastTransitionTime: context.time(startedMs + 50_000) },
      ],
      ready: 0,
      startTime: context.time(startedMs),
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  };
  const placed = placer.place();
  const pod = podObject(context, {
    namespace,
    name: `${name}-${context.suffix(5)}`,
    generateName: `${name}-`,
    labels,
    owner: newControllerRef({ apiVersion: 'batch/v1', kind: 'Job', name, uid }),
    templateSpec,
    nodeName: placed.node.name,
    hostIP: placed.node.internalIP,
    podIP: placed.podIP,
    state: 'Succeeded',
    createdMs: startedMs,
    qosClass: 'BestEffort',
  });
  return [job, pod];
}
