export { buildKubeconfig, type KubeconfigTarget } from './build-kubeconfig.js';
export { serverAddress, serverUrl } from './server-url.js';
export { writeKubeconfig } from './write-kubeconfig.js';
