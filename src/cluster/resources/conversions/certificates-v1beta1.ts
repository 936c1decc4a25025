import type { KubeObject } from '../../objects.js';
import { defaultSignerName } from './csr-signer-name.js';
import { ensureFields, fieldsAt, isEmpty, isUnset, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * certificates.k8s.io/v1beta1 CertificateSigningRequest → v1 (k/k pkg/apis/certificates/v1beta1/defaults.go).
 * The fields are the same; v1 requires the signerName v1beta1 could leave out, so v1beta1's defaulting
 * supplies it, after defaulting the usages it reads.
 */
export function csrToCertificatesV1(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  if (isUnset(spec['usages'])) spec['usages'] = ['digital signature', 'key encipherment'];
  if (isUnset(spec['signerName'])) {
    const usages = Array.isArray(spec['usages']) ? spec['usages'].filter((u): u is string => typeof u === 'string') : [];
    spec['signerName'] = defaultSignerName(spec['request'], usages);
  }
  // SetDefaults_CertificateSigningRequestCondition: a condition without a status is True.
  for (const condition of itemsAt(fieldsAt(object, 'status'), 'conditions')) {
    if (isEmpty(condition['status'])) condition['status'] = 'True';
  }
  return retyped(object, 'certificates.k8s.io/v1', 'CertificateSigningRequest');
}
