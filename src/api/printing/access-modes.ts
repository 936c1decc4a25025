/**
 * The short form of PersistentVolume access modes the storage printers show (k/k pkg/apis/core/helper/helpers.go
 * GetAccessModesAsString): each mode once, always in the order RWO, ROX, RWX, RWOP, whatever order the object
 * lists them in; modes the helper does not know are left out.
 */

const SHORT_FORMS: readonly (readonly [mode: string, short: string])[] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

export function accessModesShortForm(modes: readonly string[] | undefined | null): string {
  const present = new Set(modes ?? []);
  return SHORT_FORMS.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}
