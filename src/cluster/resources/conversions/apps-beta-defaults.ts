import { defaultField, defaultWhenZero, ensureFields, fieldsAt, isEmpty, isUnset, type Fields } from './json-fields.js';

/**
 * The defaults the removed workload versions applied on decode, before conversion (k/k
 * pkg/apis/extensions/v1beta1/defaults.go, pkg/apis/apps/v1beta1/defaults.go, pkg/apis/apps/v1beta2/defaults.go).
 * They differ from apps/v1 and, applied first, become explicit values in the apps/v1 object.
 */
export type WorkloadVersion = 'extensions/v1beta1' | 'apps/v1beta1' | 'apps/v1beta2';

const MAX_INT32 = 2147483647;

/** extensions/v1beta1 and apps/v1beta1 took a missing selector (and empty labels) from the pod template. */
function defaultSelectorFromTemplate(object: Fields): void {
  const spec = ensureFields(object, 'spec');
  const templateLabels = fieldsAt(fieldsAt(spec, 'template'), 'metadata')?.['labels'];
  if (isUnset(templateLabels)) return;
  if (isUnset(spec['selector'])) spec['selector'] = { matchLabels: structuredClone(templateLabels) };
  const metadata = ensureFields(object, 'metadata');
  if (isEmpty(metadata['labels'])) metadata['labels'] = structuredClone(templateLabels);
}

export function defaultDeployment(object: Fields, version: WorkloadVersion): void {
  if (version !== 'apps/v1beta2') defaultSelectorFromTemplate(object);
  const spec = ensureFields(object, 'spec');
  defaultField(spec, 'replicas', 1);
  const strategy = ensureFields(spec, 'strategy');
  defaultWhenZero(strategy, 'type', 'RollingUpdate');
  // extensions/v1beta1 also filled a rollingUpdate given with another strategy type.
  const rolling = strategy['type'] === 'RollingUpdate' || (version === 'extensions/v1beta1' && !isUnset(strategy['rollingUpdate']));
  if (rolling) {
    const rollingUpdate = ensureFields(strategy, 'rollingUpdate');
    const step = version === 'extensions/v1beta1' ? 1 : '25%';
    defaultField(rollingUpdate, 'maxUnavailable', step);
    defaultField(rollingUpdate, 'maxSurge', step);
  }
  const history = { 'extensions/v1beta1': MAX_INT32, 'apps/v1beta1': 2, 'apps/v1beta2': 10 }[version];
  defaultField(spec, 'revisionHistoryLimit', history);
  defaultField(spec, 'progressDeadlineSeconds', version === 'extensions/v1beta1' ? MAX_INT32 : 600);
}

export function defaultDaemonSet(object: Fields, version: WorkloadVersion): void {
  if (version === 'extensions/v1beta1') defaultSelectorFromTemplate(object);
  const spec = ensureFields(object, 'spec');
  const strategy = ensureFields(spec, 'updateStrategy');
  defaultWhenZero(strategy, 'type', version === 'extensions/v1beta1' ? 'OnDelete' : 'RollingUpdate');
  if (strategy['type'] === 'RollingUpdate') {
    const rollingUpdate = ensureFields(strategy, 'rollingUpdate');
    defaultField(rollingUpdate, 'maxUnavailable', 1);
    // Only apps/v1beta2 defaults maxSurge; the extensions/v1beta1 defaulter never learnt the field.
    if (version === 'apps/v1beta2') defaultField(rollingUpdate, 'maxSurge', 0);
  }
  defaultField(spec, 'revisionHistoryLimit', 10);
}

export function defaultReplicaSet(object: Fields, version: WorkloadVersion): void {
  if (version === 'extensions/v1beta1') defaultSelectorFromTemplate(object);
  defaultField(ensureFields(object, 'spec'), 'replicas', 1);
}

export function defaultStatefulSet(object: Fields, version: WorkloadVersion): void {
  const spec = ensureFields(object, 'spec');
  defaultWhenZero(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureFields(spec, 'updateStrategy');
  if (isEmpty(strategy['type'])) {
    // apps/v1beta1 kept the 1.6 behaviour (OnDelete); apps/v1beta2 switched to RollingUpdate.
    strategy['type'] = version === 'apps/v1beta1' ? 'OnDelete' : 'RollingUpdate';
    if (version === 'apps/v1beta2') defaultField(strategy, 'rollingUpdate', {});
  }
  const rollingUpdate = fieldsAt(strategy, 'rollingUpdate');
  if (strategy['type'] === 'RollingUpdate' && rollingUpdate) defaultField(rollingUpdate, 'partition', 0);
  if (version === 'apps/v1beta1') defaultSelectorFromTemplate(object);
  // StatefulSetAutoDeletePVC is GA (locked on) in 1.33, so its retention-policy defaults always apply.
  const retention = ensureFields(spec, 'persistentVolumeClaimRetentionPolicy');
  defaultWhenZero(retention, 'whenDeleted', 'Retain');
  defaultWhenZero(retention, 'whenScaled', 'Retain');
  defaultField(spec, 'replicas', 1);
  defaultField(spec, 'revisionHistoryLimit', 10);
}
