import type { KubeObject } from '../../objects.js';
import { defaultField, defaultWhenZero, ensureFields, retyped, type Fields } from './json-fields.js';

/**
 * batch/v1beta1 CronJob → batch/v1: the same fields; the v1beta1 defaults (k/k
 * pkg/apis/batch/v1beta1/defaults.go) happen to equal batch/v1's, applied before conversion.
 */
export function cronJobToBatchV1(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  defaultWhenZero(spec, 'concurrencyPolicy', 'Allow');
  defaultField(spec, 'suspend', false);
  defaultField(spec, 'successfulJobsHistoryLimit', 3);
  defaultField(spec, 'failedJobsHistoryLimit', 1);
  return retyped(object, 'batch/v1', 'CronJob');
}
