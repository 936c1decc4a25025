import { certificateSigningRequestPrinter } from '../../../src/api/printing/certificate-signing-request-printer.js';
import { podDisruptionBudgetPrinter } from '../../../src/api/printing/pod-disruption-budget-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go (TestPrintPodDisruptionBudget,
 * TestPrintPodDisruptionBudgetList, TestPrintCertificateSigningRequest).
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const JUST_NOW = '2026-01-01T12:00:01Z';

type Json = Record<string, unknown>;

describe('the poddisruptionbudget printer', () => {
  const budget = (name: string, spec: Json, status: Json): KubeObject => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'ns1', creationTimestamp: JUST_NOW },
    spec,
    status,
  });

  // Columns: Name, Min Available, Max Unavailable, Allowed Disruptions, Age.
  it.each<[string, KubeObject, unknown[]]>([
    ['min available, no max unavailable', budget('pdb1', { minAvailable: 22 }, { disruptionsAllowed: 5 }), ['pdb1', '22', 'N/A', 5, '0s']],
    ['max unavailable, no min available', budget('pdb2', { maxUnavailable: 11 }, { disruptionsAllowed: 5 }), ['pdb2', 'N/A', '11', 5, '0s']],
    ['a percentage', budget('pdb3', { maxUnavailable: '25%' }, { disruptionsAllowed: 3 }), ['pdb3', 'N/A', '25%', 3, '0s']],
    ['a number written as a string', budget('pdb4', { minAvailable: '2' }, {}), ['pdb4', '2', 'N/A', 0, '0s']],
    ['neither bound nor status', budget('pdb5', {}, {}), ['pdb5', 'N/A', 'N/A', 0, '0s']],
  ])('%s', (_title, object, expected) => {
    expect(podDisruptionBudgetPrinter.cells(object, NOW)).toEqual(expected);
  });
});

describe('the certificatesigningrequest printer', () => {
  const request = (name: string, spec: Json, status: Json): KubeObject => ({
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name, creationTimestamp: JUST_NOW },
    spec,
    status,
  });
  const approved = { conditions: [{ type: 'Approved', status: 'True' }] };
  // csr.DurationToExpirationSeconds(7*24h + 1h): a little more than a week.
  const weekAndAnHour = 7 * 24 * 3600 + 3600;

  // Columns: Name, Age, SignerName, Requestor, RequestedDuration, Condition.
  it.each<[string, KubeObject, unknown[]]>([
    ['no spec nor status: Pending', request('csr1', {}, {}), ['csr1', '0s', '<none>', '', '<none>', 'Pending']],
    ['approved', request('csr2', { username: 'CSR Requestor' }, approved), ['csr2', '0s', '<none>', 'CSR Requestor', '<none>', 'Approved']],
    [
      'a signer name',
      request('csr2', { username: 'CSR Requestor', signerName: 'example.com/test-signer' }, approved),
      ['csr2', '0s', 'example.com/test-signer', 'CSR Requestor', '<none>', 'Approved'],
    ],
    [
      'a requested duration',
      request('csr2', { username: 'CSR Requestor', signerName: 'example.com/test-signer', expirationSeconds: weekAndAnHour }, approved),
      ['csr2', '0s', 'example.com/test-signer', 'CSR Requestor', '7d1h', 'Approved'],
    ],
    [
      'approved and issued',
      request('csr2', { username: 'CSR Requestor' }, { ...approved, certificate: 'Y2VydCBkYXRh' }),
      ['csr2', '0s', '<none>', 'CSR Requestor', '<none>', 'Approved,Issued'],
    ],
    [
      'denied',
      request('csr3', { username: 'CSR Requestor' }, { conditions: [{ type: 'Denied', status: 'True' }] }),
      ['csr3', '0s', '<none>', 'CSR Requestor', '<none>', 'Denied'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(certificateSigningRequestPrinter.cells(object, NOW)).toEqual(expected);
  });

  it('ranks Denied over Approved, appends Failed then Issued, and ignores condition status', () => {
    const condition = (conditions: Json[], certificate?: string): unknown =>
      certificateSigningRequestPrinter.cells(request('c', {}, { conditions, ...(certificate ? { certificate } : {}) }), NOW)[5];
    expect(
      condition([
        { type: 'Approved', status: 'True' },
        { type: 'Denied', status: 'True' },
      ]),
    ).toBe('Denied');
    expect(
      condition(
        [
          { type: 'Approved', status: 'True' },
          { type: 'Failed', status: 'True' },
        ],
        'AA==',
      ),
    ).toBe('Approved,Failed,Issued');
    expect(condition([{ type: 'Failed', status: 'True' }])).toBe('Pending,Failed');
    expect(condition([{ type: 'Approved', status: 'False' }])).toBe('Approved');
  });
});
