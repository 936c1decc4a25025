import yaml from 'js-yaml';

/** The one name used for the cluster, the user and the context, so `kubectl config view` is easy to read. */
export const KUBECONFIG_NAME = 'kubefacade';

/**
 * The user's only field when there is no token to give it (kubeconfig.example). kubectl prompts for a username ("Please enter Username:") whenever an https cluster's
 * user has nothing to identify it by (client-go clientcmd: canIdentifyUser, then the prompting auth loader),
 * and fails with EOF when stdin is not a terminal. A username without a password stops the prompt; client-go
 * then sends HTTP Basic auth, which API servers since 1.19 no longer authenticate: the request stays
 * anonymous (system:anonymous) there as here. A token or client certificate would name a user instead.
 */
export const ANONYMOUS_USERNAME = 'anonymous';

export interface KubeconfigTarget {
  /** `https://127.0.0.1:6443` or `http://…`. */
  server: string;
  /** The CA to trust for an https server (PEM); absent for http (which is marked insecure-skip-tls-verify). */
  caPem?: string;
  /** Skip verification instead of trusting a CA (kubeconfig.example, for a server whose CA is not known yet). */
  insecureSkipTlsVerify?: boolean;
  /** The server's bearer token: the user is then `token: …`, read alike by every client library. */
  token?: string;
}

/**
 * A kubeconfig (client-go clientcmd/api/v1 Config) pointing at one server: cluster, user and context all named
 * `kubefacade`, the user holding the server's bearer token — or, without one, only a username (see above), so
 * requests are anonymous (what kubeconfig.example does, for a server on loopback).
 */
export function buildKubeconfig(target: KubeconfigTarget): string {
  const cluster: Record<string, string | boolean> = { server: target.server };
  if (target.caPem !== undefined) cluster['certificate-authority-data'] = Buffer.from(target.caPem, 'utf8').toString('base64');
  // @kubernetes/client-node refuses an http: server unless verification is "skipped" (KubeConfig.applyOptions:
  // "HTTP protocol is not allowed when skipTLSVerify is not set or false"); kubectl ignores the flag over http.
  const plainHttp = target.server.startsWith('http:');
  if (target.insecureSkipTlsVerify === true || plainHttp) cluster['insecure-skip-tls-verify'] = true;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: KUBECONFIG_NAME, cluster }],
    users: [{ name: KUBECONFIG_NAME, user: target.token === undefined ? { username: ANONYMOUS_USERNAME } : { token: target.token } }],
    contexts: [{ name: KUBECONFIG_NAME, context: { cluster: KUBECONFIG_NAME, user: KUBECONFIG_NAME } }],
    'current-context': KUBECONFIG_NAME,
    preferences: {},
  };
  return yaml.dump(config, { lineWidth: -1, noRefs: true });
}
