import { controllerRevisionPrinter } from '../../../src/api/printing/controller-revision-printer.js';
import { statefulSetPrinter } from '../../../src/api/printing/stateful-set-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go (TestPrintControllerRevision,
 * TestPrintStatefulSet, TestFormatResourceName).
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const JUST_NOW = '2026-01-01T12:00:01Z';

type Json = Record<string, unknown>;

type OwnerReferences = KubeObject['metadata']['ownerReferences'];

// Some owners below lack fields the API requires, to show the printer copes: hence the cast.
const revision = (name: string, revisionNumber: number, ownerReferences?: Json[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name, namespace: 'default', creationTimestamp: JUST_NOW, ...(ownerReferences ? { ownerReferences: ownerReferences as OwnerReferences } : {}) },
  revision: revisionNumber,
});

const owner = (fields: Json): Json => ({ name: 'foo', uid: 'u', ...fields });

describe('the controllerrevision printer', () => {
  // Columns: Name, Controller, Revision (an integer in a string column), Age.
  it.each<[string, KubeObject, unknown[]]>([
    [
      'a controller in a named group',
      revision('test1', 1, [owner({ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet' })]),
      ['test1', 'daemonset.apps/foo', 1, '0s'],
    ],
    ['an owner that is not the controller', revision('test2', 2, [owner({ controller: false, kind: 'ABC' })]), ['test2', '<none>', 2, '0s']],
    ['no owners', revision('test3', 3, []), ['test3', '<none>', 3, '0s']],
    ['no ownerReferences field', revision('test4', 4), ['test4', '<none>', 4, '0s']],
    [
      'the controller among other owners, in the core group',
      revision('test5', 5, [
        owner({ apiVersion: 'v1', kind: 'Pod', name: 'p' }),
        owner({ controller: true, apiVersion: 'v1', kind: 'ReplicationController', name: 'rc' }),
      ]),
      ['test5', 'replicationcontroller/rc', 5, '0s'],
    ],
    [
      'a custom resource controller',
      revision('test6', 7, [owner({ controller: true, apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet', name: 'web' })]),
      ['test6', 'statefulset.apps.kruise.io/web', 7, '0s'],
    ],
    [
      // formatResourceName: an empty GroupKind leaves the bare name.
      'a controller with neither kind nor group',
      revision('test7', 1, [owner({ controller: true, apiVersion: 'v1', kind: '', name: 'anon' })]),
      ['test7', 'anon', 1, '0s'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(controllerRevisionPrinter.cells(object, NOW)).toEqual(expected);
  });
});

describe('the statefulset printer', () => {
  const statefulSet = (spec: Json, status: Json): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'test1', namespace: 'default', creationTimestamp: JUST_NOW },
    spec,
    status,
  });
  const template = {
    spec: {
      containers: [
        { name: 'fake-container1', image: 'fake-image1' },
        { name: 'fake-container2', image: 'fake-image2' },
      ],
    },
  };

  // Columns: Name, Ready, Age, Containers, Images — no Selector.
  it('prints ready/desired and the template containers and images', () => {
    expect(statefulSetPrinter.cells(statefulSet({ replicas: 5, template }, { replicas: 5, readyReplicas: 2 }), NOW)).toEqual([
      'test1',
      '2/5',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
    ]);
  });

  it('takes desired replicas as the server defaults them (1) and nothing ready as 0', () => {
    expect(statefulSetPrinter.cells(statefulSet({}, {}), NOW)).toEqual(['test1', '0/1', '0s', '', '']);
    expect(statefulSetPrinter.cells(statefulSet({ replicas: 0 }, {}), NOW)[1]).toBe('0/0');
  });
});
