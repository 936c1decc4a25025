export { createHealthRouter } from './health-router.js';
export { defaultHealthChecks, type HealthCheck, type HealthCheckOptions, type HealthChecks, type HealthEndpoint } from './health-checks.js';
