/**
 * How long a connection may sit idle or take to send its headers, as kube-apiserver's http.Server has it
 * (staging/src/k8s.io/apiserver/pkg/server/secure_serving.go), in node:http's server options:
 * - an idle keep-alive connection is closed after 90 s (`IdleTimeout`, "matches http.DefaultTransport keep-alive
 *   timeout"). Node's own default is 5 s: a client that pools connections as client-go does (90 s) reuses one the
 *   server is closing; a request sent on it as the timer fires, late behind a long full collection, is lost
 *   ("socket hang up": 10 of 3,000 fuzzed requests at 150,000 pods, the first after the soak's forced collection);
 * - a request's headers must arrive within 32 s (`ReadHeaderTimeout`, "just shy of requestTimeoutUpperBound");
 * - TCP keep-alive probes after 3 minutes of silence (`tcpKeepAliveListener`, `defaultKeepAlivePeriod`), so that a
 *   watch whose client vanished (a laptop closed mid-watch) is noticed and its connection closed.
 */
export const CONNECTION_TIMEOUTS = {
  keepAliveTimeout: 90_000,
  headersTimeout: 32_000,
  keepAlive: true,
  keepAliveInitialDelay: 180_000,
} as const;
