import type { KubeObject } from '../../cluster/index.js';
import type { Status } from '../errors/status.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * One watch event on the wire: a JSON object on one line, ended by a newline (apiserver handlers/watch.go;
 * the JS client splits the stream on newlines). `objectJson` is already serialized.
 */
export function frame(type: WatchEventType, objectJson: string): string {
  return `{"type":"${type}","object":${objectJson}}\n`;
}

export function errorFrame(status: Status): string {
  return frame('ERROR', JSON.stringify(status));
}

/** The same object stamped with another resourceVersion (an object leaving a watch's selection). */
export function withResourceVersion(object: Readonly<KubeObject>, resourceVersion: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(resourceVersion) } } as KubeObject;
}
