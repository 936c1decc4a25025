import type { V1Secret } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** secrets, as k/k pkg/printers/internalversion/printers.go printSecret prints them. */

type Secret = Wire<V1Secret> & KubeObject;

const TYPE = 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types';
const DATA =
  "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4";

export const secretPrinter: Printer = {
  // Upstream declares Data as a string column yet fills it with an integer.
  columns: [nameColumn, text('Type', TYPE), text('Data', DATA), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const secret = object as Secret;
    // An empty type is defaulted to Opaque by the server (k/k pkg/apis/core/v1/defaults.go SetDefaults_Secret).
    return [
      secret.metadata.name,
      secret.type || 'Opaque',
      Object.keys(secret.data ?? {}).length,
      translateTimestampSince(secret.metadata.creationTimestamp, now),
    ];
  },
};
