import type { KubeObject } from '../../objects.js';
import {
  annotationsOf,
  defaultField,
  defaultWhenZero,
  deleteAnnotations,
  ensureFields,
  fieldsAt,
  orderKeys,
  renameKey,
  retyped,
  type Fields,
} from './json-fields.js';

/**
 * flowcontrol.apiserver.k8s.io v1beta1, v1beta2, v1beta3 FlowSchema and PriorityLevelConfiguration → v1
 * (k/k pkg/apis/flowcontrol/v1beta{1,2,3}/{defaults,conversion}.go). v1beta1 and v1beta2 call the limited
 * level's share `assuredConcurrencyShares`; v1beta3 calls it `nominalConcurrencyShares` but as a plain int,
 * so it marks an intended 0 with an annotation that conversion drops.
 */
export type FlowcontrolVersion = 'v1beta1' | 'v1beta2' | 'v1beta3';

export const PRESERVE_ZERO_SHARES_ANNOTATION = 'flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares';
const DEFAULT_SHARES = 30;
const FLOWCONTROL_V1 = 'flowcontrol.apiserver.k8s.io/v1';

export function flowSchemaToFlowcontrolV1(object: Fields): KubeObject {
  defaultWhenZero(ensureFields(object, 'spec'), 'matchingPrecedence', 1000);
  return retyped(object, FLOWCONTROL_V1, 'FlowSchema');
}

export function priorityLevelToFlowcontrolV1(object: Fields, version: FlowcontrolVersion): KubeObject {
  const spec = ensureFields(object, 'spec');
  const limited = fieldsAt(spec, 'limited');
  if (limited) {
    if (version === 'v1beta3') {
      const preserveZero = PRESERVE_ZERO_SHARES_ANNOTATION in annotationsOf(object);
      if (!preserveZero) defaultWhenZero(limited, 'nominalConcurrencyShares', DEFAULT_SHARES);
      else defaultField(limited, 'nominalConcurrencyShares', 0);
    } else {
      defaultWhenZero(limited, 'assuredConcurrencyShares', DEFAULT_SHARES);
      renameKey(limited, 'assuredConcurrencyShares', 'nominalConcurrencyShares');
    }
    defaultField(limited, 'lendablePercent', 0);
    orderKeys(limited, ['nominalConcurrencyShares', 'limitResponse', 'lendablePercent', 'borrowingLimitPercent']);
    const queuing = fieldsAt(fieldsAt(limited, 'limitResponse'), 'queuing');
    if (queuing) {
      defaultWhenZero(queuing, 'queues', 64);
      defaultWhenZero(queuing, 'handSize', 8);
      defaultWhenZero(queuing, 'queueLengthLimit', 50);
    }
  }
  const exempt = fieldsAt(spec, 'exempt');
  if (exempt) {
    defaultField(exempt, 'nominalConcurrencyShares', 0);
    defaultField(exempt, 'lendablePercent', 0);
  }
  if (version === 'v1beta3') deleteAnnotations(object, [PRESERVE_ZERO_SHARES_ANNOTATION]);
  return retyped(object, FLOWCONTROL_V1, 'PriorityLevelConfiguration');
}
