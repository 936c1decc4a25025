import { accessModesShortForm } from '../../../src/api/printing/access-modes.js';
import { persistentVolumeClaimPrinter } from '../../../src/api/printing/persistent-volume-claim-printer.js';
import { persistentVolumePrinter } from '../../../src/api/printing/persistent-volume-printer.js';
import { quantityText } from '../../../src/cluster/index.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go (TestPrintPersistentVolume,
 * TestPrintPersistentVolumeClaim), with the VolumeAttributesClass column v1.33 adds, and with the values the server's
 * defaulting would have stored where upstream's internal objects leave a field unset.
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

const claim = (name: string, spec: Json, status: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', ...metadata },
  spec,
  status,
});

const volume = (name: string, spec: Json, status: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, ...metadata },
  spec,
  status,
});

describe('access modes in short form', () => {
  it.each<[string[] | undefined, string]>([
    [undefined, ''],
    [[], ''],
    [['ReadOnlyMany'], 'ROX'],
    [['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteMany'], 'RWO,ROX,RWX,RWOP'],
    [['Sideways'], ''],
  ])('renders %j as %p', (modes, expected) => {
    expect(accessModesShortForm(modes)).toBe(expected);
  });
});

describe('quantities as text', () => {
  it.each<[string | number | undefined, string]>([
    [undefined, '0'],
    ['4Gi', '4Gi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    [10, '10'],
    ['not-a-quantity', 'not-a-quantity'],
  ])('renders %p as %p', (value, expected) => {
    expect(quantityText(value)).toBe(expected);
  });
});

describe('the persistentvolumeclaim printer', () => {
  // Columns: Name, Status, Volume, Capacity, Access Modes, StorageClass, VolumeAttributesClass, Age, VolumeMode.
  it.each<[string, KubeObject, unknown[]]>([
    [
      'a bound claim shows its volume, capacity and access modes',
      claim('test1', { volumeName: 'my-volume', volumeMode: 'Filesystem' }, { phase: 'Bound', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
      ['test1', 'Bound', 'my-volume', '4Gi', 'ROX', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'a claim without a volume shows neither capacity nor access modes',
      claim('test2', { volumeMode: 'Filesystem' }, { phase: 'Lost', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }),
      ['test2', 'Lost', '', '', '', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'a pending claim with a volume name',
      claim(
        'test3',
        { volumeName: 'my-volume', volumeMode: 'Filesystem' },
        { phase: 'Pending', accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } },
      ),
      ['test3', 'Pending', 'my-volume', '10Gi', 'RWX', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'a storage class',
      claim(
        'test4',
        { volumeName: 'my-volume', storageClassName: 'my-scn', volumeMode: 'Filesystem' },
        { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
      ),
      ['test4', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      // Upstream's internal object prints <unset>; the server defaults volumeMode to Filesystem before anyone reads it.
      'no volume mode, as the server defaults it',
      claim(
        'test5',
        { volumeName: 'my-volume', storageClassName: 'my-scn' },
        { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
      ),
      ['test5', 'Pending', 'my-volume', '10Gi', 'RWO', 'my-scn', '<unset>', '<unknown>', 'Filesystem'],
    ],
    [
      'a deleting claim, a volume attributes class and a block volume',
      claim(
        'test6',
        { volumeName: 'pv-1', volumeAttributesClassName: 'gold', volumeMode: 'Block' },
        { phase: 'Bound', accessModes: ['ReadWriteOncePod'], capacity: { storage: '1024Mi' } },
        { deletionTimestamp: '2026-01-01T11:59:00Z', creationTimestamp: '2026-01-01T11:00:00Z' },
      ),
      ['test6', 'Terminating', 'pv-1', '1Gi', 'RWOP', '', 'gold', '60m', 'Block'],
    ],
    [
      'no phase yet (defaulted to Pending) and a bound claim without a capacity',
      claim('test7', { volumeName: 'pv-1' }, {}),
      ['test7', 'Pending', 'pv-1', '0', '', '', '<unset>', '<unknown>', 'Filesystem'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(persistentVolumeClaimPrinter.cells(object, NOW)).toEqual(expected);
  });

  it('takes the storage class from the beta annotation whenever it is present, even empty', () => {
    const annotated = (value: string): KubeObject =>
      claim('c', { storageClassName: 'fast' }, {}, { annotations: { 'volume.beta.kubernetes.io/storage-class': value } });
    expect(persistentVolumeClaimPrinter.cells(annotated('slow'), NOW)[5]).toBe('slow');
    expect(persistentVolumeClaimPrinter.cells(annotated(''), NOW)[5]).toBe('');
    expect(persistentVolumeClaimPrinter.cells(claim('c', { storageClassName: 'fast' }, {}), NOW)[5]).toBe('fast');
  });
});

describe('the persistentvolume printer', () => {
  const claimRef = { name: 'test', namespace: 'default' };
  const spec = (fields: Json): Json => ({ claimRef, persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Filesystem', ...fields });

  // Columns: Name, Capacity, Access Modes, Reclaim Policy, Status, Claim, StorageClass, VolumeAttributesClass, Reason, Age, VolumeMode.
  it.each<[string, KubeObject, unknown[]]>([
    [
      'bound',
      volume('test1', spec({ accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }), { phase: 'Bound' }),
      ['test1', '4Gi', 'ROX', 'Delete', 'Bound', 'default/test', '', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      'failed, with a reason',
      volume('test2', spec({ accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } }), { phase: 'Failed', reason: 'RecyclerFailed' }),
      ['test2', '4Gi', 'ROX', 'Delete', 'Failed', 'default/test', '', '<unset>', 'RecyclerFailed', '<unknown>', 'Filesystem'],
    ],
    [
      'pending',
      volume('test3', spec({ accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } }), { phase: 'Pending' }),
      ['test3', '10Gi', 'RWX', 'Delete', 'Pending', 'default/test', '', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      'pending, with a storage class',
      volume('test4', spec({ storageClassName: 'my-scn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }), { phase: 'Pending' }),
      ['test4', '10Gi', 'RWO', 'Delete', 'Pending', 'default/test', 'my-scn', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      'available',
      volume('test5', spec({ storageClassName: 'my-scn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }), { phase: 'Available' }),
      ['test5', '10Gi', 'RWO', 'Delete', 'Available', 'default/test', 'my-scn', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      'released',
      volume('test6', spec({ storageClassName: 'my-scn', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } }), { phase: 'Released' }),
      ['test6', '10Gi', 'RWO', 'Delete', 'Released', 'default/test', 'my-scn', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      // Upstream's internal object prints "" and <unset>; the server defaults Retain, Pending and Filesystem.
      'nothing but a name, as the server defaults it',
      volume('test7', {}, {}),
      ['test7', '0', '', 'Retain', 'Pending', '', '', '<unset>', '', '<unknown>', 'Filesystem'],
    ],
    [
      'deleting, annotated with a storage class, a volume attributes class and a block volume',
      volume(
        'test8',
        { ...spec({ storageClassName: 'ignored', volumeAttributesClassName: 'gold', volumeMode: 'Block' }), capacity: { storage: '2048Mi' } },
        { phase: 'Bound' },
        {
          deletionTimestamp: '2026-01-01T11:59:00Z',
          creationTimestamp: '2025-12-31T12:00:00Z',
          annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta' },
        },
      ),
      ['test8', '2Gi', '', 'Delete', 'Terminating', 'default/test', 'beta', 'gold', '', '24h', 'Block'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(persistentVolumePrinter.cells(object, NOW)).toEqual(expected);
  });
});
