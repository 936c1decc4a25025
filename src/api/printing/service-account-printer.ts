import type { V1ServiceAccount } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** serviceaccounts, as k/k pkg/printers/internalversion/printers.go printServiceAccount prints them. */

type ServiceAccount = Wire<V1ServiceAccount> & KubeObject;

const SECRETS =
  'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret';

export const serviceAccountPrinter: Printer = {
  // Upstream declares Secrets a string column yet fills it with the number of secrets.
  columns: [nameColumn, text('Secrets', SECRETS), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const account = object as ServiceAccount;
    return [account.metadata.name, account.secrets?.length ?? 0, translateTimestampSince(account.metadata.creationTimestamp, now)];
  },
};
