import type { LogLine, LogSource } from '../../../logs/container-logs.js';
import type { TaskHandle, TaskScheduler } from '../../simulation-clock.js';
import type { PatternReader } from './image-log-writer.js';

/**
 * A running container instance's image log as the container logs read it: lines made up to the simulation's now
 * when read, and pushed at their instants only while someone follows them. `stop` ends the instance's output at
 * the instant it is called (the container exited or its kubelet went away), as cancelling its tasks would.
 */
export class LazyImageLog implements LogSource {
  private stoppedAt: number | undefined;
  private wake: TaskHandle | undefined;

  constructor(
    private readonly reader: PatternReader,
    private readonly clock: TaskScheduler & { now(): number },
  ) {}

  take(): LogLine[] {
    return this.reader.until(Math.min(this.clock.now(), this.stoppedAt ?? Infinity));
  }

  watch(due: () => void): () => void {
    const arm = (): void => {
      const next = this.reader.nextAt();
      if (next === undefined || this.stoppedAt !== undefined) return;
      this.wake = this.clock.at(
        next,
        () => {
          due();
          arm();
        },
        'container log',
      );
    };
    arm();
    return () => {
      this.wake?.cancel();
      this.wake = undefined;
    };
  }

  /** A handle that stops the output, kept with the instance's other tasks. */
  asTask(): TaskHandle {
    return {
      cancel: () => {
        this.stoppedAt ??= this.clock.now();
        this.wake?.cancel();
      },
    };
  }
}
