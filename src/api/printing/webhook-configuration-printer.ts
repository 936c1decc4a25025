import type { V1MutatingWebhookConfiguration, V1ValidatingWebhookConfiguration } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * mutatingwebhookconfigurations and validatingwebhookconfigurations.admissionregistration.k8s.io: k/k
 * pkg/printers/internalversion/printers.go printMutatingWebhook and printValidatingWebhook declare identical columns
 * and count the webhooks the same way, so one printer serves both resources.
 */

type WebhookConfiguration = Wire<V1MutatingWebhookConfiguration | V1ValidatingWebhookConfiguration> & KubeObject;

export const webhookConfigurationPrinter: Printer = {
  columns: [nameColumn, integer('Webhooks', 'Webhooks indicates the number of webhooks registered in this configuration'), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const configuration = object as WebhookConfiguration;
    return [configuration.metadata.name, (configuration.webhooks ?? []).length, translateTimestampSince(configuration.metadata.creationTimestamp, now)];
  },
};
