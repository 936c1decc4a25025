import type { ContainerLogContext } from '../log-context.js';
import type { ProcessLogs } from '../log-pattern.js';

/**
 * An image the simulation does not know: a program that says it started and otherwise keeps quiet, as most
 * services do at their default log level.
 */
export function generic(context: ContainerLogContext): ProcessLogs {
  return {
    banner(out) {
      out.write((us) => `${new Date(Math.floor(us / 1000)).toISOString()} INFO starting ${context.imageName || context.container}`);
    },
    steady: [],
  };
}
