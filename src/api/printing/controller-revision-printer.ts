import type { V1ControllerRevision } from '@kubernetes/client-node';
import { controllerOf, type KubeObject, type OwnerReference, type Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * controllerrevisions.apps, as k/k pkg/printers/internalversion/printers.go printControllerRevision prints them.
 * The Revision description is the apps/v1beta1 swagger doc upstream still quotes (lower-case "revision", unlike v1).
 */

type ControllerRevision = Wire<V1ControllerRevision> & KubeObject;

const REVISION = 'revision indicates the revision of the state represented by Data.';

/**
 * The controlling owner as `kind.group/name` in lower case (`daemonset.apps/kube-proxy`), or `kind/name` for the
 * core group: apimachinery metav1.GetControllerOf, then printers.go formatResourceName over the GroupKind parsed
 * from the owner's apiVersion (schema.ParseGroupVersion: `v1` has no group, `apps/v1` has `apps`).
 */
function controllerName(owner: OwnerReference | undefined): string {
  if (!owner) return '<none>';
  const apiVersion = owner.apiVersion ?? '';
  // Validation rejects an apiVersion with more than one slash, so the part before the only slash is the group.
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = owner.kind ?? '';
  if (group === '' && kind === '') return owner.name;
  return `${(group === '' ? kind : `${kind}.${group}`).toLowerCase()}/${owner.name}`;
}

export const controllerRevisionPrinter: Printer = {
  // Revision is declared a string column yet carries the int64 revision, as upstream.
  columns: [nameColumn, text('Controller', 'Controller of the object'), text('Revision', REVISION), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const revision = object as ControllerRevision;
    return [
      revision.metadata.name,
      controllerName(controllerOf(revision)),
      revision.revision ?? 0,
      translateTimestampSince(revision.metadata.creationTimestamp, now),
    ];
  },
};
