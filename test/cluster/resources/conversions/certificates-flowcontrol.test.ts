import { served } from './convert.js';

// Generated with openssl (EC P-256 keys): a kubelet client request (O=system:nodes, CN=system:node:node-1),
// the same subject with DNS and IP SANs (serving), and an ordinary user's request (CN=alice).
const KUBELET_CLIENT_CSR =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIdU1JR1dBZ0VBTURReEZUQVRCZ05WQkFvTURITjVjM1JsYlRwdWIyUmxjekViTUJrR0ExVUVBd3dTYzNsegpkR1Z0T201dlpHVTZibTlrWlMweE1Ga3dFd1lIS29aSXpqMENBUVlJS29aSXpqMERBUWNEUWdBRVNiWDl1NTFkCmRzemp5M3p4alVtMGpRZU9lMjUvMnc3ajc1dlRFUndid1U5dDVHSEs1ZU5Kd1VqSDJtenFCVkNPdko2Y0QrQ28KejdiQW9tdFNIS2hwVjZBQU1Bb0dDQ3FHU000OUJBTUNBMGNBTUVRQ0lGMFlhbDE2TVVSTmxpL2tDdllNNVFpdAptU3hGQkk4cS9veWZIMjc3dmhkVEFpQWRFdStCK3B5U2x6aXhSWmJOL1Zna1dWR1pUeHIwTzZwRlN4NjQyK3VUCmxRPT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0tCg==';
const KUBELET_SERVING_CSR =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQkdEQ0J3QUlCQURBME1SVXdFd1lEVlFRS0RBeHplWE4wWlcwNmJtOWtaWE14R3pBWkJnTlZCQU1NRW5ONQpjM1JsYlRwdWIyUmxPbTV2WkdVdE1UQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJLUTJxNTNRCmt2YXFQMWFMU2ViWHl2MmhJcTNmRWFZdXJCUHFHNlBGc1VYZHNMVVU1VnVGRU5makIxNTViSGFZdTVlM2VtM1AKNFMrcVB4WWwvTUZJK2VlZ0tqQW9CZ2txaGtpRzl3MEJDUTR4R3pBWk1CY0dBMVVkRVFRUU1BNkNCbTV2WkdVdApNWWNFQ2dBQUFUQUtCZ2dxaGtqT1BRUURBZ05IQURCRUFpQVc1bEtETTdMakpjYWVwbVNSdDVpVGJpbG1Db2lWCjR6YVZjNE5zT0lFWDdnSWdaVXJNY1lhS1ZISm5kZFRLeGJlUUJ5Ukd4UkVwT1ViQXd6Y0FLZGhyZmZvPQotLS0tLUVORCBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K';
const USER_CSR =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIS01ISUNBUUF3RURFT01Bd0dBMVVFQXd3RllXeHBZMlV3V1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPUFFNQgpCd05DQUFSWlhnNzVlUjlCZzMwYjJqbEVKbGx4L1Z1MGJCeU1kZWtKSktLSWpJRHRGTUlnM0JLaU5nVTQ3cURzCm1VelFZNGh6WkZZdUpiVS9XcEZiQ0VxWko0NzVvQUF3Q2dZSUtvWkl6ajBFQXdJRFNBQXdSUUlnTFNsMXVSTm8KWWpvYjRVUlppZmMrLzNENG11R1ZjTHpCSkoxK0FsOXFMWU1DSVFDWUJyRm9IcWxvc245Y3ZDVXErZ1JUbkVKRApXNDYyT25nT2pZN1Raa3pUV3c9PQotLS0tLUVORCBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K';

const csr = (spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'certificates.k8s.io/v1beta1',
  kind: 'CertificateSigningRequest',
  metadata: { name: 'csr-1' },
  spec,
});

describe('certificates.k8s.io/v1beta1 CertificateSigningRequest is served at v1 with a signerName', () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      'a kubelet client request',
      { request: KUBELET_CLIENT_CSR, usages: ['digital signature', 'key encipherment', 'client auth'] },
      'kubernetes.io/kube-apiserver-client-kubelet',
    ],
    [
      'a kubelet client request without key encipherment (ECDSA)',
      { request: KUBELET_CLIENT_CSR, usages: ['client auth', 'digital signature'] },
      'kubernetes.io/kube-apiserver-client-kubelet',
    ],
    [
      'a kubelet serving request',
      { request: KUBELET_SERVING_CSR, usages: ['digital signature', 'key encipherment', 'server auth'] },
      'kubernetes.io/kubelet-serving',
    ],
    [
      'a serving request asking for client usages',
      { request: KUBELET_SERVING_CSR, usages: ['digital signature', 'client auth'] },
      'kubernetes.io/legacy-unknown',
    ],
    ['a user request', { request: USER_CSR, usages: ['digital signature', 'key encipherment', 'client auth'] }, 'kubernetes.io/legacy-unknown'],
    ['a request that is not PEM', { request: Buffer.from('hello').toString('base64') }, 'kubernetes.io/legacy-unknown'],
    ['an explicit signer', { request: USER_CSR, signerName: 'example.com/custom' }, 'example.com/custom'],
  ])('%s', (_name, spec, signerName) => {
    const out = served(csr(spec));
    expect(out.apiVersion).toBe('certificates.k8s.io/v1');
    expect((out['spec'] as { signerName: string }).signerName).toBe(signerName);
  });

  test('usages default to digital signature and key encipherment, and a condition without status is True', () => {
    const out = served({ ...csr({ request: USER_CSR }), status: { conditions: [{ type: 'Approved', reason: 'AutoApproved' }] } });
    expect(out['spec']).toStrictEqual({ request: USER_CSR, usages: ['digital signature', 'key encipherment'], signerName: 'kubernetes.io/legacy-unknown' });
    expect(out['status']).toStrictEqual({ conditions: [{ type: 'Approved', reason: 'AutoApproved', status: 'True' }] });
  });
});

describe('flowcontrol.apiserver.k8s.io betas are served at v1', () => {
  const plc = (version: string, spec: Record<string, unknown>, annotations?: Record<string, string>): Record<string, unknown> => ({
    apiVersion: `flowcontrol.apiserver.k8s.io/${version}`,
    kind: 'PriorityLevelConfiguration',
    metadata: annotations ? { name: 'workload-low', annotations } : { name: 'workload-low' },
    spec,
  });
  const queuing = { type: 'Queue', queuing: { queues: 128 } };
  const limitedOut = (shares: number): Record<string, unknown> => ({
    nominalConcurrencyShares: shares,
    limitResponse: { type: 'Queue', queuing: { queues: 128, handSize: 8, queueLengthLimit: 50 } },
    lendablePercent: 0,
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'v1beta1 assuredConcurrencyShares is renamed',
      plc('v1beta1', { type: 'Limited', limited: { assuredConcurrencyShares: 100, limitResponse: queuing } }),
      limitedOut(100),
    ],
    [
      'v1beta2 0 assured shares default to 30',
      plc('v1beta2', { type: 'Limited', limited: { assuredConcurrencyShares: 0, limitResponse: queuing } }),
      limitedOut(30),
    ],
    ['v1beta3 missing shares default to 30', plc('v1beta3', { type: 'Limited', limited: { limitResponse: queuing } }), limitedOut(30)],
    [
      'v1beta3 0 shares marked by the preserve annotation stay 0',
      plc(
        'v1beta3',
        { type: 'Limited', limited: { nominalConcurrencyShares: 0, limitResponse: queuing } },
        { 'flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares': '' },
      ),
      limitedOut(0),
    ],
  ])('%s', (_name, input, limited) => {
    const out = served(input);
    expect(out.apiVersion).toBe('flowcontrol.apiserver.k8s.io/v1');
    expect(out.metadata).toStrictEqual({ name: 'workload-low' });
    expect(out['spec']).toStrictEqual({ type: 'Limited', limited });
    expect(Object.keys((out['spec'] as { limited: object }).limited)[0]).toBe('nominalConcurrencyShares');
  });

  test('an exempt level gets zero shares and lendable percent', () => {
    expect(served(plc('v1beta2', { type: 'Exempt', exempt: {} }))['spec']).toStrictEqual({
      type: 'Exempt',
      exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 },
    });
  });

  test('a FlowSchema without precedence gets 1000', () => {
    const out = served({
      apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
      kind: 'FlowSchema',
      metadata: { name: 'fs' },
      spec: { priorityLevelConfiguration: { name: 'workload-low' } },
    });
    expect(out).toStrictEqual({
      apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
      kind: 'FlowSchema',
      metadata: { name: 'fs' },
      spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 1000 },
    });
  });
});
