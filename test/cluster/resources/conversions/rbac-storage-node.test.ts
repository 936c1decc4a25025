import { served } from './convert.js';

const RBAC = 'rbac.authorization.k8s.io';

describe('RBAC captured at v1beta1 or v1alpha1 is served at v1', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'a ServiceAccount has no apiGroup',
      { kind: 'ServiceAccount', apiVersion: 'v1', name: 'sa', namespace: 'ns' },
      { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
    ],
    ['a User is in the rbac group', { kind: 'User', apiVersion: `${RBAC}/v1alpha1`, name: 'alice' }, { kind: 'User', apiGroup: RBAC, name: 'alice' }],
    ['a Group is in the rbac group', { kind: 'Group', name: 'devs' }, { kind: 'Group', apiGroup: RBAC, name: 'devs' }],
    [
      'User "*" meant every authenticated user',
      { kind: 'User', apiVersion: `${RBAC}/v1alpha1`, name: '*' },
      { kind: 'Group', apiGroup: RBAC, name: 'system:authenticated' },
    ],
    [
      'another kind takes the group of its apiVersion',
      { kind: 'Robot', apiVersion: 'robots.example.com/v2', name: 'r2' },
      { kind: 'Robot', apiGroup: 'robots.example.com', name: 'r2' },
    ],
    ['an unparseable apiVersion gives no group', { kind: 'Robot', apiVersion: 'a/b/c', name: 'r2' }, { kind: 'Robot', name: 'r2' }],
  ])('v1alpha1 subject: %s', (_name, subject, expected) => {
    const out = served({
      apiVersion: `${RBAC}/v1alpha1`,
      kind: 'ClusterRoleBinding',
      metadata: { name: 'b' },
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [subject],
    });
    expect(out).toStrictEqual({
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name: 'b' },
      roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: RBAC },
      subjects: [expected],
    });
  });

  test('a v1beta1 RoleBinding has its roleRef and User/Group subject groups defaulted', () => {
    const out = served({
      apiVersion: `${RBAC}/v1beta1`,
      kind: 'RoleBinding',
      metadata: { name: 'b', namespace: 'ns' },
      roleRef: { apiGroup: '', kind: 'Role', name: 'edit' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
      ],
    });
    expect(out).toStrictEqual({
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name: 'b', namespace: 'ns' },
      roleRef: { apiGroup: RBAC, kind: 'Role', name: 'edit' },
      subjects: [
        { kind: 'User', name: 'alice', apiGroup: RBAC },
        { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
      ],
    });
  });

  test.each(['v1beta1', 'v1alpha1'])('a %s ClusterRole only changes version', (version) => {
    const role = {
      apiVersion: `${RBAC}/${version}`,
      kind: 'ClusterRole',
      metadata: { name: 'r' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      aggregationRule: { clusterRoleSelectors: [] },
    };
    expect(served(role)).toStrictEqual({ ...role, apiVersion: `${RBAC}/v1` });
  });
});

describe('storage.k8s.io/v1beta1 is served at v1', () => {
  test('a StorageClass gets Delete and Immediate', () => {
    expect(
      served({ apiVersion: 'storage.k8s.io/v1beta1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'kubernetes.io/gce-pd' }),
    ).toStrictEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard' },
      provisioner: 'kubernetes.io/gce-pd',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
  });

  test('a CSIDriver gets every spec default', () => {
    expect(
      served({ apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIDriver', metadata: { name: 'csi.example.com' }, spec: { attachRequired: false } })['spec'],
    ).toStrictEqual({
      attachRequired: false,
      podInfoOnMount: false,
      storageCapacity: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType',
      requiresRepublish: false,
      volumeLifecycleModes: ['Persistent'],
      seLinuxMount: false,
    });
  });

  test.each(['CSINode', 'VolumeAttachment', 'CSIStorageCapacity'])('a %s only changes version', (kind) => {
    const object = { apiVersion: 'storage.k8s.io/v1beta1', kind, metadata: { name: 'x' }, spec: { any: 'thing' } };
    expect(served(object)).toStrictEqual({ ...object, apiVersion: 'storage.k8s.io/v1' });
  });
});

describe('scheduling, node, coordination and apiregistration', () => {
  test('a v1beta1 PriorityClass preempts lower priorities by default', () => {
    expect(served({ apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 })).toStrictEqual({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'high' },
      value: 1000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  test('a v1alpha1 RuntimeClass is unnested from spec', () => {
    const scheduling = { nodeSelector: { sandbox: 'true' } };
    const out = served({
      apiVersion: 'node.k8s.io/v1alpha1',
      kind: 'RuntimeClass',
      metadata: { name: 'gvisor' },
      spec: { runtimeHandler: 'runsc', overhead: { podFixed: { cpu: '250m' } }, scheduling },
    });
    expect(out).toStrictEqual({
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: 'gvisor' },
      handler: 'runsc',
      overhead: { podFixed: { cpu: '250m' } },
      scheduling,
    });
  });

  test('a v1beta1 RuntimeClass only changes version', () => {
    const object = { apiVersion: 'node.k8s.io/v1beta1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc' };
    expect(served(object)).toStrictEqual({ ...object, apiVersion: 'node.k8s.io/v1' });
  });

  test('a v1beta1 Lease only changes version', () => {
    const object = {
      apiVersion: 'coordination.k8s.io/v1beta1',
      kind: 'Lease',
      metadata: { name: 'n1', namespace: 'kube-node-lease' },
      spec: { holderIdentity: 'n1', leaseDurationSeconds: 40 },
    };
    expect(served(object)).toStrictEqual({ ...object, apiVersion: 'coordination.k8s.io/v1' });
  });

  test('a v1beta1 APIService service gets port 443', () => {
    const out = served({
      apiVersion: 'apiregistration.k8s.io/v1beta1',
      kind: 'APIService',
      metadata: { name: 'v1beta1.metrics.k8s.io' },
      spec: {
        service: { name: 'metrics-server', namespace: 'kube-system' },
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        groupPriorityMinimum: 100,
        versionPriority: 100,
      },
    });
    expect(out.apiVersion).toBe('apiregistration.k8s.io/v1');
    expect((out['spec'] as { service: unknown }).service).toStrictEqual({ name: 'metrics-server', namespace: 'kube-system', port: 443 });
  });
});
