import type { ContainerLogContext } from '../log-context.js';
import { klog } from '../log-formats.js';
import type { ProcessLogs } from '../log-pattern.js';
import { acquireLease, cachesSynced, INFORMER_FACTORY, tooOldResourceVersion, waitingForCaches } from './kubernetes-common.js';

const NO_TOKEN = 'open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory';

/**
 * kube-scheduler v1.14 as kubeadm runs it (a kubeconfig, no delegated authn/authz kubeconfig): the warnings of
 * cmd/kube-scheduler/app/options, serving healthz on 10251, its caches, then leader election. Idle, only its
 * informers' relists show.
 */
export function kubeScheduler(context: ContainerLogContext): ProcessLogs {
  const version = `v${context.tag || '1.14.2'}`;
  return {
    banner(out) {
      out.write(klog('I', 'serving.go:319', 'Generated self-signed cert in-memory'));
      out.write(klog('W', 'authentication.go:387', `failed to read in-cluster kubeconfig for delegated authentication: ${NO_TOKEN}`));
      out.write(
        klog(
          'W',
          'authentication.go:249',
          "No authentication-kubeconfig provided in order to lookup client-ca-file in configmap/extension-apiserver-authentication in kube-system, so client certificate authentication won't work.",
        ),
      );
      out.write(
        klog(
          'W',
          'authentication.go:252',
          "No authentication-kubeconfig provided in order to lookup requestheader-client-ca-file in configmap/extension-apiserver-authentication in kube-system, so request-header client certificate authentication won't work.",
        ),
      );
      out.write(klog('W', 'authorization.go:177', `failed to read in-cluster kubeconfig for delegated authorization: ${NO_TOKEN}`));
      out.write(klog('W', 'authorization.go:146', "No authorization-kubeconfig provided, so SubjectAccessReview of authorization tokens won't work."));
      out.write(klog('I', 'server.go:142', `Version: ${version}`));
      out.write(klog('I', 'defaults.go:87', 'TaintNodesByCondition is enabled, PodToleratesNodeTaints predicate is mandatory'));
      out.write(klog('W', 'authorization.go:47', 'Authorization is disabled'));
      out.write(klog('W', 'authentication.go:55', 'Authentication is disabled'));
      out.write(klog('I', 'deprecated_insecure_serving.go:49', 'Serving healthz insecurely on [::]:10251'));
      out.write(klog('I', 'secure_serving.go:116', 'Serving securely on 127.0.0.1:10259'));
      out.pause(800, 1_500);
      out.write(waitingForCaches('scheduler'));
      out.pause(80, 200);
      out.write(cachesSynced('scheduler'));
      acquireLease(out, 'kube-scheduler', 2_000, 18_000);
    },
    steady: [
      tooOldResourceVersion(INFORMER_FACTORY, [
        '*v1.Node',
        '*v1.Service',
        '*v1.PersistentVolume',
        '*v1.PersistentVolumeClaim',
        '*v1.ReplicationController',
        '*v1.ReplicaSet',
        '*v1.StatefulSet',
        '*v1.StorageClass',
        '*v1beta1.PodDisruptionBudget',
      ]),
    ],
  };
}
