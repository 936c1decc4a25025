import type { ColumnDefinition } from './types.js';

/**
 * Column definition builders and the descriptions shared by many printers. The texts are the swagger
 * docs the real printers quote (k/k pkg/printers/internalversion/printers.go: `metav1.ObjectMeta{}.SwaggerDoc()`),
 * identical to the descriptions in the published OpenAPI document.
 */

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

export const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const CONTAINERS_DESCRIPTION = 'Names of each container in the template.';
export const IMAGES_DESCRIPTION = 'Images referenced by each container in the template.';

interface ColumnOptions {
  format?: string;
  priority?: number;
}

export function column(name: string, type: string, description: string, options: ColumnOptions = {}): ColumnDefinition {
  return { name, type, format: options.format ?? '', description, priority: options.priority ?? 0 };
}

/** A `string` column; most printer columns are strings, even when their cells are numbers. */
export function text(name: string, description: string, options: ColumnOptions = {}): ColumnDefinition {
  return column(name, 'string', description, options);
}

export function integer(name: string, description: string, options: ColumnOptions = {}): ColumnDefinition {
  return column(name, 'integer', description, options);
}

export const nameColumn: ColumnDefinition = text('Name', NAME_DESCRIPTION, { format: 'name' });
export const ageColumn: ColumnDefinition = text('Age', CREATION_TIMESTAMP_DESCRIPTION);

/** The Containers/Images/Selector trio the workload printers append in wide output. */
export function templateColumns(selectorDescription: string): ColumnDefinition[] {
  return [
    text('Containers', CONTAINERS_DESCRIPTION, { priority: 1 }),
    text('Images', IMAGES_DESCRIPTION, { priority: 1 }),
    text('Selector', selectorDescription, { priority: 1 }),
  ];
}
