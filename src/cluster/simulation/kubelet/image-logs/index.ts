export { type ContainerLogContext, containerLogContext, type ContainerLogSource } from './log-context.js';
export { imageLogPattern } from './image-log-pattern.js';
export { BACKFILL_MS, type LogSink, playLogPattern } from './image-log-writer.js';
export type { LogBurst, LogPattern } from './log-pattern.js';
