import request from 'supertest';
import { expectMatchesSchema } from '../support/openapi-validator.js';
import { TABLE_ACCEPT, testApp } from '../support/test-app.js';

/**
 * Every JSON body the server sends for the served surface, checked against the upstream Kubernetes OpenAPI
 * definitions: objects, typed lists, Status, Table, discovery documents.
 */
describe('served bodies match the upstream OpenAPI schemas', () => {
  const { app } = testApp();

  test.each([
    ['/api/v1/nodes', 'io.k8s.api.core.v1.NodeList'],
    ['/api/v1/nodes/node1', 'io.k8s.api.core.v1.Node'],
    ['/api/v1/pods', 'io.k8s.api.core.v1.PodList'],
    ['/api/v1/namespaces/default/pods/web-1', 'io.k8s.api.core.v1.Pod'],
    ['/api/v1/namespaces', 'io.k8s.api.core.v1.NamespaceList'],
    ['/api/v1/componentstatuses', 'io.k8s.api.core.v1.ComponentStatusList'],
    ['/api/v1/componentstatuses/etcd-0', 'io.k8s.api.core.v1.ComponentStatus'],
    ['/api/v1/services', 'io.k8s.api.core.v1.ServiceList'],
    ['/api/v1/endpoints', 'io.k8s.api.core.v1.EndpointsList'],
    ['/api/v1/configmaps', 'io.k8s.api.core.v1.ConfigMapList'],
    ['/api/v1/events', 'io.k8s.api.core.v1.EventList'],
    ['/apis/apps/v1/deployments', 'io.k8s.api.apps.v1.DeploymentList'],
    ['/apis/coordination.k8s.io/v1/leases', 'io.k8s.api.coordination.v1.LeaseList'],
    ['/apis/discovery.k8s.io/v1/endpointslices', 'io.k8s.api.discovery.v1.EndpointSliceList'],
    ['/api/v1/namespaces/default/pods/web-1/status', 'io.k8s.api.core.v1.Pod'],
  ])('GET %s is a %s', async (path, definition) => {
    const res = await request(app).get(path).expect(200);
    expectMatchesSchema(res.body, definition);
  });

  test.each([
    ['/api/v1/nodes'],
    ['/api/v1/pods?includeObject=Object'],
    ['/api/v1/componentstatuses?includeObject=None'],
    ['/api/v1/namespaces/default/pods/web-1'],
  ])('GET %s as a Table is a meta.k8s.io Table', async (path) => {
    const res = await request(app).get(path).set('Accept', TABLE_ACCEPT).expect(200);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Table');
  });

  test.each([
    ['/api/v1/nodes/node9', 404],
    ['/api/v1/pods?labelSelector=a%20b', 400],
    ['/api/v1/pods?resourceVersionMatch=Exact', 422],
    ['/api/v1/foos', 404],
    ['/api/v1/componentstatuses/foo', 500],
  ])('the error for GET %s is a Status', async (path, code) => {
    const res = await request(app).get(path).expect(code);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  });

  test.each([
    ['/api', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions'],
    ['/apis', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList'],
    ['/apis/apps', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup'],
    ['/api/v1', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList'],
    ['/apis/apps/v1', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList'],
  ])('discovery document %s is a %s', async (path, definition) => {
    const res = await request(app).get(path).set('Accept', 'application/json, */*').expect(200);
    expectMatchesSchema(res.body, definition);
  });

  test('the refusal of a write is a Status', async () => {
    const res = await request(app).delete('/api/v1/namespaces/default/pods/web-1').send({ propagationPolicy: 'Background' }).expect(403);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  });
});
