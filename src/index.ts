/**
 * kubefacade's programmatic API: start a server over a cluster inside a test suite, talk to it with
 * @kubernetes/client-node through the ready-made KubeConfig, and stop it so jest exits cleanly.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { type RunningServer, startServer, type StartOptions } from './start-server.js';

export interface RunningKubefacade extends RunningServer {
  /** A client-node KubeConfig for this server, trusting its CA, context `kubefacade`, the user holding the token. */
  kubeConfig: KubeConfig;
}

/**
 * Loads the cluster (a broken cluster file throws ClusterFileError before anything listens), builds the app,
 * listens, and resolves once the server accepts connections, with a KubeConfig for @kubernetes/client-node.
 */
export async function startKubefacade(options: StartOptions = {}): Promise<RunningKubefacade> {
  const running = await startServer(options);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(running.kubeconfigYaml);
  return { ...running, kubeConfig };
}

export type { RunningServer, StartOptions } from './start-server.js';
export type { Config } from './cli/config.js';
export { type Cluster, ClusterFileError, type ClusterSource, type KubeObject } from './cluster/index.js';
export { buildKubeconfig, type KubeconfigTarget } from './kubeconfig/index.js';
