import type { V1CSIStorageCapacity } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { nameColumn, text } from './columns.js';
import { formatQuantity, parseQuantity } from '../../cluster/index.js';
import type { Printer } from './types.js';

/**
 * csistoragecapacities.storage.k8s.io, as k/k pkg/printers/internalversion/printers.go printCSIStorageCapacity
 * prints them. Upstream gives this table no Age column and its rows no age cell.
 */

type CSIStorageCapacity = Wire<V1CSIStorageCapacity> & KubeObject;

const STORAGE_CLASS_NAME =
  'storageClassName represents the name of the StorageClass that the reported capacity applies to. It must meet the same requirements as the name of a StorageClass object (non-empty, DNS subdomain). If that object no longer exists, the CSIStorageCapacity object is obsolete and should be removed by its creator. This field is immutable.';
const CAPACITY =
  'capacity is the value reported by the CSI driver in its GetCapacityResponse for a GetCapacityRequest with topology and parameters that match the previous fields.\n\nThe semantic is currently (CSI spec 1.2) defined as: The available capacity, in bytes, of the storage that can be used to provision volumes. If not set, that information is currently unavailable.';

/** Quantity.String(): the canonical form (`1.5Gi` → `1536Mi`); `<unset>` without a capacity. */
function capacity(object: CSIStorageCapacity): string {
  if (object.capacity === undefined || object.capacity === null) return '<unset>';
  const quantity = parseQuantity(String(object.capacity));
  // The server rejects an unparsable quantity on write; a fixture that slipped one in prints it as given.
  return quantity ? formatQuantity(quantity) : String(object.capacity);
}

export const csiStorageCapacityPrinter: Printer = {
  columns: [nameColumn, text('StorageClassName', STORAGE_CLASS_NAME), text('Capacity', CAPACITY)],
  cells(object: KubeObject): unknown[] {
    const storageCapacity = object as CSIStorageCapacity;
    return [storageCapacity.metadata.name, storageCapacity.storageClassName ?? '', capacity(storageCapacity)];
  },
};
