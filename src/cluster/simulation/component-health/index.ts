export { type Component, ComponentHealth, type ComponentState, STATUS_NAME } from './component-health.js';
export { ComponentHealthController } from './component-health-controller.js';
export { type ComponentHealthCheck, etcdHealthCheck } from './etcd-health-check.js';
