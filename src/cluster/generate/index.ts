export { DEFAULT_CAPTURED_AT, defaultNamespaces, type GenerateOptions } from './generate-options.js';
export { type GeneratedCluster, type GeneratedClusterSummary, generateCluster } from './generate-cluster.js';
export { writeList } from './write-list.js';
export { writeGeneratedCluster } from './write-cluster-file.js';
