/** Names that read like a real cluster's: teams' namespaces and their services, numbered once the words run out. */

const TEAMS = [
  'payments',
  'checkout',
  'catalog',
  'search',
  'identity',
  'orders',
  'shipping',
  'inventory',
  'pricing',
  'reviews',
  'recommendations',
  'notifications',
  'analytics',
  'billing',
  'support',
  'marketing',
  'media',
  'partners',
  'risk',
  'ledger',
] as const;

const COMPONENTS = [
  'api',
  'web',
  'worker',
  'gateway',
  'cache',
  'scheduler',
  'indexer',
  'consumer',
  'publisher',
  'auth',
  'frontend',
  'backend',
  'sync',
  'exporter',
  'importer',
  'router',
  'reporter',
  'resizer',
  'notifier',
  'processor',
] as const;

function numbered(words: readonly string[], index: number): string {
  const word = words[index % words.length] as string;
  const round = Math.floor(index / words.length);
  return round === 0 ? word : `${word}-${round + 1}`;
}

/** The i-th application namespace: `payments`, `checkout`, ..., then `payments-2`, ... */
export function namespaceName(index: number): string {
  return numbered(TEAMS, index);
}

/** The i-th Deployment of a namespace: `api`, `web`, ..., then `api-2`, ... */
export function deploymentName(index: number): string {
  return numbered(COMPONENTS, index);
}

/** Node names as a cloud's node pools give them, zero-padded so `kubectl get nodes` sorts them in order. */
export function nodeName(index: number, controlPlanes: number): string {
  return index < controlPlanes ? `control-plane-${index + 1}` : `worker-${String(index - controlPlanes + 1).padStart(5, '0')}`;
}
