export { createDiscoveryRouter, type DiscoveryOptions } from './discovery-router.js';
