import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { expectMatchesSchema } from '../../support/openapi-validator.js';
import { sampleObjects } from '../../support/sample-objects.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';

const CREATED = '2026-01-01T11:58:00Z';

function deployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', creationTimestamp: CREATED, generation: 1 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] },
      template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] } },
    },
    status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  };
}

function replicaSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d8f', namespace: 'default', uid: 'uid-rs', creationTimestamp: CREATED },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
    status: { replicas: 0 },
  };
}

describe('GET on subresources', () => {
  const { app, cluster } = testApp([...sampleObjects(), deployment(), replicaSet()]);
  const rv = (resource: 'apps/deployments' | 'apps/replicasets', name: string): string => String(cluster.store.get(resource, 'default', name)?.resourceVersion);

  test('deployments/scale is the autoscaling/v1 Scale of the deployment: desired, observed, selector as a query', async () => {
    const res = await request(app).get('/apis/apps/v1/namespaces/default/deployments/web/scale').expect(200);
    expect(res.body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-web', resourceVersion: rv('apps/deployments', 'web'), creationTimestamp: CREATED },
      spec: { replicas: 3 },
      status: { replicas: 2, selector: 'app=web,tier in (edge,front)' },
    });
    expectMatchesSchema(res.body, 'io.k8s.api.autoscaling.v1.Scale');
  });

  test('replicasets/scale of a ReplicaSet scaled to zero leaves spec.replicas out, as the Go omitempty does', async () => {
    const res = await request(app).get('/apis/apps/v1/namespaces/default/replicasets/web-5d8f/scale').expect(200);
    expect(res.body).toMatchObject({ kind: 'Scale', spec: {}, status: { replicas: 0, selector: 'app=web' } });
  });

  test('a Scale as a Table has the scale printer’s columns: Name, Desired, Available, Age', async () => {
    const res = await request(app).get('/apis/apps/v1/namespaces/default/deployments/web/scale').set('Accept', TABLE_ACCEPT).expect(200);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Table');
    expect(res.body.columnDefinitions.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'Name:string',
      'Desired:integer',
      'Available:integer',
      'Age:string',
    ]);
    expect(res.body.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual([['web', 3, 2, '2m']]);
  });

  test.each([
    ['/apis/apps/v1/namespaces/default/deployments/web/status', ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']],
    ['/api/v1/namespaces/default/pods/web-1/status', ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']],
    [
      '/api/v1/namespaces/default/pods/web-1/ephemeralcontainers',
      ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'],
    ],
    [
      '/api/v1/nodes/node1/status',
      ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
    ],
  ])('%s is the object, printed as the resource is', async (path, columns) => {
    const json = await request(app).get(path).expect(200);
    expect(json.body.metadata.name).toBe(path.split('/').at(-2));
    const table = await request(app).get(path).set('Accept', TABLE_ACCEPT).expect(200);
    expect(table.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(columns);
  });

  test.each([
    ['/api/v1/namespaces/default/pods/web-1/scale', 404],
    ['/apis/apps/v1/namespaces/default/deployments/nope/scale', 404],
  ])('GET %s is %i', async (path, code) => {
    const res = await request(app).get(path).expect(code);
    expect(res.body).toMatchObject({ kind: 'Status', code });
  });
});
