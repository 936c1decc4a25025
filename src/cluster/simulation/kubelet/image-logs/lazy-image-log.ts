import type { LogLine, LogSource } from '../../../logs/container-logs.js';
import type { TaskHandle, TaskScheduler } from '../../simulation-clock.js';
import type { PatternReader } from './image-log-writer.js';

/**
 * A running container instance's image log as the container logs read it: lines made up to the simulation's now
 * when read, and pushed at their instants only while someone follows them. `cancel` ends the instance's output at
 * the instant it is called (the container exited or its kubelet went away), as cancelling its tasks would. Its
 * reader is made when the log is first read or followed: most of a large cluster's containers never are.
 */
export class LazyImageLog implements LogSource, TaskHandle {
  private stoppedAt: number | undefined;
  private wake: TaskHandle | undefined;
  private made: PatternReader | undefined;

  constructor(
    private makeReader: (() => PatternReader) | undefined,
    private readonly clock: TaskScheduler & { now(): number },
  ) {}

  private get reader(): PatternReader {
    if (!this.made) {
      this.made = (this.makeReader as () => PatternReader)();
      this.makeReader = undefined;
    }
    return this.made;
  }

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

  /** Stops the output: what the instance's tasks are cancelled with. */
  cancel(): void {
    this.stopAt(this.clock.now());
  }

  /** Stops the output as of `instant` (a log attached after its container stopped). */
  stopAt(instant: number): void {
    this.stoppedAt ??= instant;
    this.wake?.cancel();
  }
}
