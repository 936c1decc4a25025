import { createHash } from 'node:crypto';

/**
 * The storageVersionHash of legacy discovery (apiserver pkg/endpoints/discovery/storageversionhash.go): the first
 * 8 bytes of sha256("<group>/<version>/<Kind>") of the version objects are stored at, in base64. Core's group is "".
 */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}
