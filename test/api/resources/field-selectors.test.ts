import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { pod, sampleObjects } from '../../support/sample-objects.js';
import { testApp } from '../../support/test-app.js';

/** Each kind's own field selectors (k/k pkg/apis/<group>/<version>/conversion.go), and their refusals. */

const unscheduled: KubeObject = (() => {
  const p = pod('default', 'pending-1', '', { app: 'web' }, '', 'Pending');
  delete (p.spec as { nodeName?: string }).nodeName;
  return p;
})();

const job = (name: string, succeeded: number): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } },
  status: { succeeded },
});

const rc = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  status: { replicas },
});

const csr = (name: string, signerName: string): KubeObject => ({
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: { name },
  spec: { signerName, request: '', usages: ['client auth'] },
});

const { app } = testApp([
  ...sampleObjects(),
  unscheduled,
  job('done', 1),
  job('running', 0),
  rc('old', 2),
  rc('gone', 0),
  csr('kubelet', 'kubernetes.io/kube-apiserver-client-kubelet'),
  csr('other', 'example.com/signer'),
]);

const names = (body: { items: { metadata: { name: string } }[] }): string[] => body.items.map((i) => i.metadata.name);

test.each([
  ['/api/v1/pods', 'spec.nodeName=', ['pending-1']],
  ['/api/v1/namespaces/default/pods', 'spec.nodeName=', ['pending-1']],
  ['/api/v1/namespaces/default/pods', 'spec.nodeName!=,status.phase=Pending', ['web-2']],
  ['/apis/batch/v1/jobs', 'status.successful=1', ['done']],
  ['/apis/batch/v1/namespaces/default/jobs', 'status.successful!=1', ['running']],
  ['/api/v1/replicationcontrollers', 'status.replicas=0', ['gone']],
  ['/apis/certificates.k8s.io/v1/certificatesigningrequests', 'spec.signerName=example.com/signer', ['other']],
])('GET %s?fieldSelector=%s selects %j', async (path, selector, expected) => {
  const res = await request(app).get(path).query({ fieldSelector: selector }).expect(200);
  expect(names(res.body)).toEqual(expected);
});

test.each([
  ['/apis/batch/v1/jobs', 'status.active=1', 'field label "status.active" not supported for Job'],
  ['/api/v1/replicationcontrollers', 'spec.replicas=1', 'field label not supported: spec.replicas'],
  ['/apis/apps/v1/deployments', 'spec.replicas=1', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ['/apis/certificates.k8s.io/v1/certificatesigningrequests', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
])('GET %s?fieldSelector=%s is refused: %s', async (path, selector, message) => {
  const res = await request(app).get(path).query({ fieldSelector: selector }).expect(400);
  expect(res.body.message).toBe(message);
});
