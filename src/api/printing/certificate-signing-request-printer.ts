import type { V1CertificateSigningRequest } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { humanDuration, translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * certificatesigningrequests.certificates.k8s.io, as k/k pkg/printers/internalversion/printers.go
 * printCertificateSigningRequest prints them: Age second, then the request's signer, requestor, duration and
 * condition. Descriptions are the certificates/v1beta1 swagger docs upstream still quotes, which differ from v1's.
 */

type CertificateSigningRequest = Wire<V1CertificateSigningRequest> & KubeObject;

const SIGNER_NAME =
  'Requested signer for the request. It is a qualified name in the form: `scope-hostname.io/name`. If empty, it will be defaulted:\n 1. If it\'s a kubelet client certificate, it is assigned\n    "kubernetes.io/kube-apiserver-client-kubelet".\n 2. If it\'s a kubelet serving certificate, it is assigned\n    "kubernetes.io/kubelet-serving".\n 3. Otherwise, it is assigned "kubernetes.io/legacy-unknown".\nDistribution of trust for signers happens out of band. You can select on this field using `spec.signerName`.';
// Upstream describes the Requestor column (spec.username) with the doc of spec.request.
const REQUEST = 'Base64-encoded PKCS#10 CSR data';
const EXPIRATION_SECONDS =
  'expirationSeconds is the requested duration of validity of the issued certificate. The certificate signer may issue a certificate with a different validity duration so a client must check the delta between the notBefore and and notAfter fields in the issued certificate to determine the actual duration.\n\nThe v1.22+ in-tree implementations of the well-known Kubernetes signers will honor this field as long as the requested duration is not greater than the maximum duration they will honor per the --cluster-signing-duration CLI flag to the Kubernetes controller manager.\n\nCertificate signers may not honor this field for various reasons:\n\n  1. Old signer that is unaware of the field (such as the in-tree\n     implementations prior to v1.22)\n  2. Signer whose configured maximum is shorter than the requested duration\n  3. Signer whose configured minimum is longer than the requested duration\n\nThe minimum valid value for expirationSeconds is 600, i.e. 10 minutes.';
const CONDITIONS = 'Conditions applied to the request, such as approval or denial.';

/**
 * printers.go extractCSRStatus: Denied outranks Approved, else Pending; then Failed and Issued are appended.
 * Conditions count by type alone, whatever their status.
 */
function requestCondition(request: CertificateSigningRequest): string {
  const types = new Set((request.status?.conditions ?? []).map((condition) => condition.type));
  let condition = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) condition += ',Failed';
  if (request.status?.certificate) condition += ',Issued';
  return condition;
}

export const certificateSigningRequestPrinter: Printer = {
  columns: [
    nameColumn,
    ageColumn,
    text('SignerName', SIGNER_NAME),
    text('Requestor', REQUEST),
    text('RequestedDuration', EXPIRATION_SECONDS),
    text('Condition', CONDITIONS),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const request = object as CertificateSigningRequest;
    const expirationSeconds = request.spec?.expirationSeconds;
    return [
      request.metadata.name,
      translateTimestampSince(request.metadata.creationTimestamp, now),
      request.spec?.signerName || '<none>',
      request.spec?.username ?? '',
      // client-go util/certificate/csr ExpirationSecondsToDuration: whole seconds.
      expirationSeconds === undefined || expirationSeconds === null ? '<none>' : humanDuration(expirationSeconds * 1000),
      requestCondition(request),
    ];
  },
};
