export { type ContainerLogContext, containerLogContext, type ContainerLogSource, type PeerNode, peerNodes } from './log-context.js';
export { imageLogPattern } from './image-log-pattern.js';
export { BACKFILL_MS, type LogSink, PatternReader, playLogPattern } from './image-log-writer.js';
export { LazyImageLog } from './lazy-image-log.js';
export { PeerNodes } from './peer-nodes.js';
export type { LogBurst, LogPattern } from './log-pattern.js';
