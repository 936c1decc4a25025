export type { Config } from './config.js';
export { defaultClusterFile, packageInfo } from './package-root.js';
export { type CommandLineContext, type CommandLineOutcome, parseCommandLine } from './parse-command-line.js';
