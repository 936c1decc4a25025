export type { LiveSimulationOptions } from './live-simulation.js';
export { describeStep, ScenarioRunner, type ScenarioRunnerOptions } from './scenario-runner.js';
export type { PodTarget, ScenarioAction, ScenarioStep } from '../../fixtures/compact/scenario-model.js';
