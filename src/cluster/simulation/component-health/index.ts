export { type Component, COMPONENTS, ComponentHealth, type ComponentState, STATUS_NAME, unreachableMessage } from './component-health.js';
export { ComponentHealthController } from './component-health-controller.js';
export { type ComponentHealthCheck, etcdHealthCheck } from './etcd-health-check.js';
