import type { KubeObject } from '../../objects.js';
import { defaultField, fieldsAt, isEmpty, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * admissionregistration.k8s.io/v1beta1 Mutating/ValidatingWebhookConfiguration → v1: the same fields,
 * but v1beta1's defaults (k/k pkg/apis/admissionregistration/v1beta1/defaults.go) are laxer than v1's and,
 * applied on decode, come out of v1 explicit: failurePolicy Ignore (v1: Fail), matchPolicy Exact
 * (v1: Equivalent), sideEffects Unknown, timeoutSeconds 30 (v1: 10), admissionReviewVersions ["v1beta1"].
 */
function defaultWebhook(webhook: Fields, mutating: boolean): void {
  defaultField(webhook, 'failurePolicy', 'Ignore');
  defaultField(webhook, 'matchPolicy', 'Exact');
  defaultField(webhook, 'namespaceSelector', {});
  defaultField(webhook, 'objectSelector', {});
  defaultField(webhook, 'sideEffects', 'Unknown');
  defaultField(webhook, 'timeoutSeconds', 30);
  if (mutating) defaultField(webhook, 'reinvocationPolicy', 'Never');
  if (isEmpty(webhook['admissionReviewVersions'])) webhook['admissionReviewVersions'] = ['v1beta1'];
  // v1beta1's Rule is v1's type, defaulted by v1's SetDefaults_Rule; the service port by SetDefaults_ServiceReference.
  for (const rule of itemsAt(webhook, 'rules')) defaultField(rule, 'scope', '*');
  const service = fieldsAt(fieldsAt(webhook, 'clientConfig'), 'service');
  if (service) defaultField(service, 'port', 443);
}

export function webhookConfigurationToV1(object: Fields): KubeObject {
  const kind = String(object['kind']);
  const mutating = kind === 'MutatingWebhookConfiguration';
  for (const webhook of itemsAt(object, 'webhooks')) defaultWebhook(webhook, mutating);
  return retyped(object, 'admissionregistration.k8s.io/v1', kind);
}
