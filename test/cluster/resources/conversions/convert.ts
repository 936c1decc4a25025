import type { KubeObject } from '../../../../src/cluster/objects.js';
import { convertToServedVersion } from '../../../../src/cluster/resources/conversions/index.js';

/** The served object for a capture that must convert; fails the test when it does not. */
export function served(object: Record<string, unknown>): KubeObject {
  const result = convertToServedVersion(object as KubeObject);
  if (!result || !('object' in result))
    throw new Error(`expected ${String(object['apiVersion'])} ${String(object['kind'])} to convert, got ${JSON.stringify(result)}`);
  return result.object;
}
