import type { KubeObject } from '../../cluster/index.js';

/** The same object stamped with another resourceVersion (an object leaving a watch's selection). */
export function withResourceVersion(object: Readonly<KubeObject>, resourceVersion: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(resourceVersion) } } as KubeObject;
}
