export { createDiscoveryRouter, type DiscoveryOptions } from './discovery-router.js';
export { negotiateDiscovery, type DiscoveryForm } from './discovery-negotiation.js';
