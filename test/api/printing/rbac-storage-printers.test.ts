import { csiDriverPrinter } from '../../../src/api/printing/csi-driver-printer.js';
import { csiNodePrinter } from '../../../src/api/printing/csi-node-printer.js';
import { csiStorageCapacityPrinter } from '../../../src/api/printing/csi-storage-capacity-printer.js';
import { priorityClassPrinter } from '../../../src/api/printing/priority-class-printer.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from '../../../src/api/printing/role-binding-printers.js';
import { runtimeClassPrinter } from '../../../src/api/printing/runtime-class-printer.js';
import { storageClassPrinter } from '../../../src/api/printing/storage-class-printer.js';
import { volumeAttachmentPrinter } from '../../../src/api/printing/volume-attachment-printer.js';
import type { Printer } from '../../../src/api/printing/types.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/** Cases re-expressed from k/k pkg/printers/internalversion/printers_test.go, plus the edges of each cell rule. */

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

/** Upstream's two creation times: 1.9s in the future (prints `0s`) and five minutes ago. */
const FUTURE = new Date(NOW + 1900).toISOString();
const FIVE_MINUTES_AGO = new Date(NOW - 300_000).toISOString();

const object = (kind: string, fields: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', creationTimestamp: FIVE_MINUTES_AGO, ...metadata },
  ...fields,
});

const shape = (printer: Printer): [string, string, string, number][] => printer.columns.map((c) => [c.name, c.type, c.format, c.priority]);

describe('the role binding and cluster role binding printers', () => {
  it.each<[string, Printer, string]>([
    ['role binding', roleBindingPrinter, 'roleBinding'],
    ['cluster role binding', clusterRoleBindingPrinter, 'clusterRoleBinding'],
  ])('declare the %s subjects as wide columns after Age', (_kind, printer, noun) => {
    expect(shape(printer)).toEqual([
      ['Name', 'string', 'name', 0],
      ['Role', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['Users', 'string', '', 1],
      ['Groups', 'string', '', 1],
      ['ServiceAccounts', 'string', '', 1],
    ]);
    expect(printer.columns.slice(3).map((c) => c.description)).toEqual([`Users in the ${noun}`, `Groups in the ${noun}`, `ServiceAccounts in the ${noun}`]);
  });

  it.each<[string, Printer]>([
    ['role binding', roleBindingPrinter],
    ['cluster role binding', clusterRoleBindingPrinter],
  ])('print a %s with its role and subjects', (_kind, printer) => {
    const basic = object(
      'RoleBinding',
      { subjects: [{ kind: 'User', name: 'system:kube-controller-manager' }], roleRef: { kind: 'Role', name: 'extension-apiserver-authentication-reader' } },
      { name: 'binding1', creationTimestamp: FUTURE },
    );
    expect(printer.cells(basic, NOW)).toEqual(['binding1', 'Role/extension-apiserver-authentication-reader', '0s', 'system:kube-controller-manager', '', '']);

    const subjects = [
      { kind: 'User', name: 'user-name' },
      { kind: 'Group', name: 'group-name' },
      { kind: 'ServiceAccount', name: 'service-account-name', namespace: 'service-account-namespace' },
    ];
    const wide = object('RoleBinding', { subjects, roleRef: { kind: 'Role', name: 'role-name' } }, { name: 'binding2', creationTimestamp: FUTURE });
    expect(printer.cells(wide, NOW)).toEqual(['binding2', 'Role/role-name', '0s', 'user-name', 'group-name', 'service-account-namespace/service-account-name']);
  });

  it('joins several subjects of a kind with ", " and leaves out unknown kinds', () => {
    const binding = object('ClusterRoleBinding', {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [
        { kind: 'Group', name: 'system:masters' },
        { kind: 'Group', name: 'ops' },
        { kind: 'Robot', name: 'r2' },
        { kind: 'ServiceAccount', name: 'a', namespace: 'kube-system' },
        { kind: 'ServiceAccount', name: 'b', namespace: 'default' },
      ],
    });
    expect(clusterRoleBindingPrinter.cells(binding, NOW)).toEqual(['x', 'ClusterRole/admin', '5m', '', 'system:masters, ops', 'kube-system/a, default/b']);
  });
});

describe('the priority class printer', () => {
  it('declares an integer Value, a boolean Global-Default and a priority-0 PreemptionPolicy after Age', () => {
    expect(shape(priorityClassPrinter)).toEqual([
      ['Name', 'string', 'name', 0],
      ['Value', 'integer', '', 0],
      ['Global-Default', 'boolean', '', 0],
      ['Age', 'string', '', 0],
      ['PreemptionPolicy', 'string', '', 0],
    ]);
  });

  it.each<[string, Json, string, unknown[]]>([
    ['PreemptNever', { value: 1, preemptionPolicy: 'Never' }, FUTURE, ['pc', 1, false, '0s', 'Never']],
    [
      'PreemptLowerPriority',
      { value: 1000000000, globalDefault: true, preemptionPolicy: 'PreemptLowerPriority' },
      FIVE_MINUTES_AGO,
      ['pc', 1000000000, true, '5m', 'PreemptLowerPriority'],
    ],
    // Upstream's printer prints "" for a nil policy; the server never stores one (defaulted to PreemptLowerPriority).
    ['no policy', { value: 1000000000, globalDefault: true }, FIVE_MINUTES_AGO, ['pc', 1000000000, true, '5m', 'PreemptLowerPriority']],
  ])('prints a class with %s', (_case, fields, creationTimestamp, expected) => {
    expect(priorityClassPrinter.cells(object('PriorityClass', fields, { name: 'pc', creationTimestamp }), NOW)).toEqual(expected);
  });
});

describe('the runtime class printer', () => {
  it('prints the handler under a column with an empty description', () => {
    expect(runtimeClassPrinter.columns[1]).toEqual({ name: 'Handler', type: 'string', format: '', description: '', priority: 0 });
    expect(runtimeClassPrinter.cells(object('RuntimeClass', { handler: 'h1' }, { name: 'rc1', creationTimestamp: FUTURE }), NOW)).toEqual(['rc1', 'h1', '0s']);
    expect(runtimeClassPrinter.cells(object('RuntimeClass', { handler: 'h2' }, { name: 'rc2' }), NOW)).toEqual(['rc2', 'h2', '5m']);
  });
});

describe('the storage class printer', () => {
  it('declares AllowVolumeExpansion a string column although its cell is a boolean', () => {
    expect(storageClassPrinter.columns[4]).toMatchObject({ name: 'AllowVolumeExpansion', type: 'string' });
  });

  it.each<[string, Json, string, unknown[]]>([
    ['no policies', { provisioner: 'kubernetes.io/glusterfs' }, FUTURE, ['sc', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', false, '0s']],
    [
      'Delete',
      { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Delete' },
      FIVE_MINUTES_AGO,
      ['sc', 'kubernetes.io/nfs', 'Delete', 'Immediate', false, '5m'],
    ],
    [
      'Retain and Immediate',
      { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' },
      FIVE_MINUTES_AGO,
      ['sc', 'kubernetes.io/nfs', 'Retain', 'Immediate', false, '5m'],
    ],
    [
      'WaitForFirstConsumer and expansion',
      { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
      FIVE_MINUTES_AGO,
      ['sc', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', true, '5m'],
    ],
  ])('prints a class with %s', (_case, fields, creationTimestamp, expected) => {
    expect(storageClassPrinter.cells(object('StorageClass', fields, { name: 'sc', creationTimestamp }), NOW)).toEqual(expected);
  });

  it.each<[Record<string, string> | undefined, string]>([
    [{ 'storageclass.kubernetes.io/is-default-class': 'true' }, 'standard (default)'],
    [{ 'storageclass.beta.kubernetes.io/is-default-class': 'true' }, 'standard (default)'],
    [{ 'storageclass.kubernetes.io/is-default-class': 'false', 'storageclass.beta.kubernetes.io/is-default-class': 'true' }, 'standard (default)'],
    [{ 'storageclass.kubernetes.io/is-default-class': 'True' }, 'standard'],
    [undefined, 'standard'],
  ])('names a class with annotations %j %s', (annotations, name) => {
    const storageClass = object('StorageClass', { provisioner: 'p' }, { name: 'standard', annotations });
    expect(storageClassPrinter.cells(storageClass, NOW)[0]).toBe(name);
  });
});

describe('the CSI driver printer', () => {
  it('declares booleans for the four flags, strings for tokens and modes, and Age last', () => {
    expect(shape(csiDriverPrinter).map(([name, type]) => [name, type])).toEqual([
      ['Name', 'string'],
      ['AttachRequired', 'boolean'],
      ['PodInfoOnMount', 'boolean'],
      ['StorageCapacity', 'boolean'],
      ['TokenRequests', 'string'],
      ['RequiresRepublish', 'boolean'],
      ['Modes', 'string'],
      ['Age', 'string'],
    ]);
  });

  it('prints a driver as the server stores it when the spec leaves everything unset', () => {
    expect(csiDriverPrinter.cells(object('CSIDriver', { spec: {} }, { name: 'ebs.csi.aws.com' }), NOW)).toEqual([
      'ebs.csi.aws.com',
      true,
      false,
      false,
      '<unset>',
      false,
      'Persistent',
      '5m',
    ]);
  });

  it('prints every field a driver sets', () => {
    const spec = {
      attachRequired: false,
      podInfoOnMount: true,
      storageCapacity: true,
      tokenRequests: [{ audience: 'vault' }, { audience: '' }],
      requiresRepublish: true,
      volumeLifecycleModes: ['Persistent', 'Ephemeral'],
    };
    expect(csiDriverPrinter.cells(object('CSIDriver', { spec }, { name: 'd' }), NOW)).toEqual([
      'd',
      false,
      true,
      true,
      'vault,',
      true,
      'Persistent,Ephemeral',
      '5m',
    ]);
  });
});

describe('the CSI node printer', () => {
  it('counts the registered drivers', () => {
    expect(csiNodePrinter.columns[1]).toMatchObject({ name: 'Drivers', type: 'integer' });
    const node = object(
      'CSINode',
      {
        spec: {
          drivers: [
            { name: 'a', nodeID: 'n' },
            { name: 'b', nodeID: 'n' },
          ],
        },
      },
      { name: 'node-1' },
    );
    expect(csiNodePrinter.cells(node, NOW)).toEqual(['node-1', 2, '5m']);
    expect(csiNodePrinter.cells(object('CSINode', { spec: {} }), NOW)).toEqual(['x', 0, '5m']);
  });
});

describe('the CSI storage capacity printer', () => {
  it('has no Age column and no age cell', () => {
    expect(csiStorageCapacityPrinter.columns.map((c) => c.name)).toEqual(['Name', 'StorageClassName', 'Capacity']);
  });

  it.each<[unknown, string]>([
    ['1.5Gi', '1536Mi'],
    ['1073741824', '1073741824'],
    ['100Gi', '100Gi'],
    ['2000M', '2G'],
    [undefined, '<unset>'],
  ])('prints capacity %j as %s', (capacity, expected) => {
    const fields = capacity === undefined ? { storageClassName: 'fast' } : { storageClassName: 'fast', capacity };
    expect(csiStorageCapacityPrinter.cells(object('CSIStorageCapacity', fields, { name: 'csisc-1' }), NOW)).toEqual(['csisc-1', 'fast', expected]);
  });
});

describe('the volume attachment printer', () => {
  it('marks Attacher, like Name, with format "name"', () => {
    expect(shape(volumeAttachmentPrinter)).toEqual([
      ['Name', 'string', 'name', 0],
      ['Attacher', 'string', 'name', 0],
      ['PV', 'string', '', 0],
      ['Node', 'string', '', 0],
      ['Attached', 'boolean', '', 0],
      ['Age', 'string', '', 0],
    ]);
  });

  it.each<[string, Json, unknown[]]>([
    [
      'an attached persistent volume',
      { spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', source: { persistentVolumeName: 'pv-1' } }, status: { attached: true } },
      ['csi-123', 'ebs.csi.aws.com', 'pv-1', 'node-1', true, '5m'],
    ],
    [
      'an inline volume without status',
      { spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', source: { inlineVolumeSpec: {} } } },
      ['csi-123', 'ebs.csi.aws.com', '', 'node-1', false, '5m'],
    ],
  ])('prints %s', (_case, fields, expected) => {
    expect(volumeAttachmentPrinter.cells(object('VolumeAttachment', fields, { name: 'csi-123' }), NOW)).toEqual(expected);
  });
});
