import type { V1ClusterRoleBinding, V1RoleBinding } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * rolebindings and clusterrolebindings.rbac.authorization.k8s.io, as k/k pkg/printers/internalversion/printers.go
 * printRoleBinding / printClusterRoleBinding print them. The Role descriptions are the rbac/v1beta1 swagger docs
 * upstream still quotes (k8s.io/api rbac/v1beta1 types_swagger_doc_generated.go): v1's add "This field is immutable.".
 */

/** RoleBinding and ClusterRoleBinding share roleRef and subjects; the printers read nothing else. */
type Binding = Wire<V1RoleBinding | V1ClusterRoleBinding> & KubeObject;

const ROLE_BINDING_ROLE =
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.';
const CLUSTER_ROLE_BINDING_ROLE =
  'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.';

/**
 * rbac.SubjectsStrings (k/k pkg/apis/rbac/helpers.go): user names, group names and `namespace/name` of service
 * accounts, each joined with `, `; subjects of any other kind are left out.
 */
function subjectCells(subjects: Binding['subjects']): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of subjects ?? []) {
    switch (subject.kind) {
      case 'User':
        users.push(subject.name);
        break;
      case 'Group':
        groups.push(subject.name);
        break;
      case 'ServiceAccount':
        serviceAccounts.push(`${subject.namespace ?? ''}/${subject.name}`);
        break;
    }
  }
  return [users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

function bindingPrinter(roleDescription: string, noun: string): Printer {
  return {
    columns: [
      nameColumn,
      text('Role', roleDescription),
      ageColumn,
      text('Users', `Users in the ${noun}`, { priority: 1 }),
      text('Groups', `Groups in the ${noun}`, { priority: 1 }),
      text('ServiceAccounts', `ServiceAccounts in the ${noun}`, { priority: 1 }),
    ],
    cells(object: KubeObject, now: number): unknown[] {
      const binding = object as Binding;
      // roleRef is required; a fixture without one prints `/` rather than failing the whole Table.
      const role = `${binding.roleRef?.kind ?? ''}/${binding.roleRef?.name ?? ''}`;
      return [binding.metadata.name, role, translateTimestampSince(binding.metadata.creationTimestamp, now), ...subjectCells(binding.subjects)];
    },
  };
}

export const roleBindingPrinter: Printer = bindingPrinter(ROLE_BINDING_ROLE, 'roleBinding');
export const clusterRoleBindingPrinter: Printer = bindingPrinter(CLUSTER_ROLE_BINDING_ROLE, 'clusterRoleBinding');
