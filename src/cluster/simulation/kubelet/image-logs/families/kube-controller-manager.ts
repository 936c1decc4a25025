import { type ContainerLogContext, flag } from '../log-context.js';
import { klog } from '../log-formats.js';
import type { ProcessLogs } from '../log-pattern.js';
import { acquireLease, cachesSynced, INFORMER_FACTORY, tooOldResourceVersion, uuidV1, waitingForCaches } from './kubernetes-common.js';

/** The controllers v1.14 starts, in the order its map yields them (cmd/kube-controller-manager/app/controllermanager.go). */
const CONTROLLERS = [
  'podgc',
  'deployment',
  'statefulset',
  'csrsigning',
  'csrapproving',
  'ttl',
  'bootstrapsigner',
  'tokencleaner',
  'nodeipam',
  'nodelifecycle',
  'persistentvolume-binder',
  'attachdetach',
  'persistentvolume-expander',
  'clusterrole-aggregation',
  'pvc-protection',
  'pv-protection',
  'endpoint',
  'replicationcontroller',
  'serviceaccount',
  'namespace',
  'garbagecollector',
  'daemonset',
  'job',
  'horizontalpodautoscaling',
  'disruption',
  'cronjob',
  'csrcleaner',
  'resourcequota',
  'replicaset',
];

/** Controllers v1.14 skips, with the reason it logs (W controllermanager.go:489, "Skipping"). */
const SKIPPED = ['Skipping "route"', 'Skipping "service"'];

/**
 * kube-controller-manager v1.14: serving, leader election (kubeadm's --leader-elect=true), the LeaderElection
 * event, each controller started, their caches synced, the node IPAM assigning pod ranges to the nodes it finds
 * and the node lifecycle controller registering them. Idle, only its informers' relists show.
 */
export function kubeControllerManager(context: ContainerLogContext): ProcessLogs {
  const version = `v${context.tag || '1.14.2'}`;
  const insecure = flag(context, 'bind-address') === '127.0.0.1' ? '[::]:10252' : '127.0.0.1:10252';
  return {
    banner(out) {
      out.write(klog('I', 'serving.go:319', 'Generated self-signed cert in-memory'));
      out.pause(400, 1_200);
      out.write(klog('I', 'controllermanager.go:155', `Version: ${version}`));
      out.write(klog('I', 'secure_serving.go:116', 'Serving securely on 127.0.0.1:10257'));
      out.write(klog('I', 'deprecated_insecure_serving.go:51', `Serving insecurely on ${insecure}`));
      acquireLease(out, 'kube-controller-manager', 2_000, 18_000);
      const uid = uuidV1(out);
      out.write(
        klog(
          'I',
          'event.go:209',
          `Event(v1.ObjectReference{Kind:"Endpoints", Namespace:"kube-system", Name:"kube-controller-manager", UID:"${uuidV1(out)}", APIVersion:"v1", ResourceVersion:"${out.random.int(150, 400)}", FieldPath:""}): type: 'Normal' reason: 'LeaderElection' ${context.nodeName}_${uid} became leader`,
        ),
      );
      out.pause(300, 600);
      out.write(klog('I', 'plugins.go:103', 'No cloud provider specified.'));
      out.write(waitingForCaches('tokens'));
      out.pause(80, 200);
      out.write(cachesSynced('tokens'));
      for (const controller of CONTROLLERS) {
        out.pause(5, 60);
        if (controller === 'nodeipam') {
          out.write(klog('I', 'node_ipam_controller.go:99', 'Sending events to api server.'));
          out.pause(100, 400);
        }
        if (controller === 'nodelifecycle') {
          out.write(klog('I', 'node_lifecycle_controller.go:292', 'Sending events to api server.'));
          out.write(klog('I', 'node_lifecycle_controller.go:325', 'Controller is using taint based evictions.'));
          out.write(klog('I', 'taint_manager.go:175', 'Sending events to api server.'));
          out.write(klog('I', 'node_lifecycle_controller.go:390', 'Controller will reconcile labels.'));
          out.write(klog('I', 'node_lifecycle_controller.go:403', 'Controller will taint node by condition.'));
        }
        out.write(klog('I', 'controllermanager.go:497', `Started "${controller}"`));
        if (controller === 'endpoint') {
          // Without a cloud provider the service controller fails to start (pkg/controller/service) and is skipped.
          out.write(
            klog('E', 'core.go:77', 'Failed to start service controller: WARNING: no cloud provider provided, services of type LoadBalancer will fail'),
          );
          for (const message of SKIPPED) out.write(klog('W', 'controllermanager.go:489', message));
        }
      }
      out.pause(200, 600);
      for (const name of [
        'ReplicaSet',
        'deployment',
        'daemon sets',
        'endpoint',
        'namespace',
        'service account',
        'taint',
        'job',
        'GC',
        'resource quota',
        'attach detach',
      ]) {
        out.write(cachesSynced(name));
      }
      const cidrs = flag(context, 'allocate-node-cidrs') === 'true';
      for (const node of context.nodes) {
        if (cidrs && node.podCIDR) out.write(klog('I', 'range_allocator.go:310', `Set node ${node.name} PodCIDR to ${node.podCIDR}`));
      }
      out.write(klog('I', 'node_lifecycle_controller.go:1159', 'Initializing eviction metric for zone: '));
      for (const node of context.nodes) {
        out.write(klog('W', 'node_lifecycle_controller.go:833', `Missing timestamp for Node ${node.name}. Assuming now as a timestamp.`));
        out.write(
          klog(
            'I',
            'event.go:209',
            `Event(v1.ObjectReference{Kind:"Node", Namespace:"", Name:"${node.name}", UID:"${uuidV1(out)}", APIVersion:"", ResourceVersion:"", FieldPath:""}): type: 'Normal' reason: 'RegisteredNode' Node ${node.name} event: Registered Node ${node.name} in Controller`,
          ),
        );
      }
      out.write(klog('I', 'node_lifecycle_controller.go:1009', 'Controller detected that zone  is now in state Normal.'));
    },
    steady: [
      tooOldResourceVersion(INFORMER_FACTORY, [
        '*v1.ConfigMap',
        '*v1.Secret',
        '*v1.ServiceAccount',
        '*v1.PodTemplate',
        '*v1beta1.CronJob',
        '*v1.Role',
        '*v1.LimitRange',
        '*v1.ResourceQuota',
        '*v1beta1.PodSecurityPolicy',
        '*v1.StorageClass',
        '*v1beta1.CertificateSigningRequest',
      ]),
    ],
  };
}
