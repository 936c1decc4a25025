/** One line a container wrote, with the instant the runtime recorded it (RFC 3339 with nanoseconds, UTC). */
export interface LogLine {
  time: string;
  text: string;
}

/** What a `logs -f` reader is told: each new line, and the end of the instance it follows. */
export interface LogFollower {
  line(line: LogLine): void;
  /** The container instance stopped (crashed, or its pod is gone): no more lines will come. */
  end(): void;
}

/**
 * Which instance of a container: the one running now (or, until the kubelet restarts it, the one that just
 * ended), or the one before it, which the kubelet keeps for `--previous`.
 */
export type ContainerInstance = 'current' | 'previous';

/**
 * Lines a running container writes as time passes, made when someone reads them: a month-old cluster's hundred
 * thousand containers do not each hold a month of lines from the start (the simulated kubelet's image logs).
 */
export interface LogSource {
  /** The lines written since the last call, up to the present, in order. */
  take(): LogLine[];
  /** Calls `due` whenever lines come due, until the returned function is called: what a `logs -f` needs. */
  watch(due: () => void): () => void;
}

/** A pod's containers' log sources, attached when first needed (ContainerLogs.defer). */
export interface DeferredLogs {
  /** Attaches every container's source (ContainerLogs.attach). */
  attach(): void;
}

interface ContainerLog {
  current: LogLine[];
  previous: LogLine[];
  /** Made when a first reader follows: most containers are never followed. */
  followers?: Set<LogFollower>;
  /** Where the running instance's lines come from, when they are made as they are read. */
  source?: LogSource;
  unwatch?: () => void;
}

/**
 * Lines kept per container instance; older ones are dropped, as the kubelet rotates container logs
 * (containerLogMaxSize). Enough for any `kubectl logs`, and what bounds memory over a long simulation.
 */
export const MAX_LINES_PER_INSTANCE = 10_000;

const podKeyOf = (namespace: string, pod: string): string => `${namespace}/${pod}`;
const keyOf = (namespace: string, pod: string, container: string): string => `${podKeyOf(namespace, pod)}/${container}`;

/**
 * What each container has written, as the kubelet keeps it: the lines of the running instance and of the one
 * before it. Lines come from the cluster file and from the simulated kubelet, which also says when an instance
 * ends, when it is replaced (a restart) and when a pod's containers are removed; `follow` lets a `logs -f`
 * reader see lines as they are appended, until the instance ends.
 */
export class ContainerLogs {
  private readonly logs = new Map<string, ContainerLog>();
  /** Pods whose containers' sources are attached when one of their logs is first touched, by `namespace/pod`. */
  private readonly deferred = new Map<string, DeferredLogs>();

  /** Starts with the lines a cluster file or capture holds: of the running instances, and of the previous ones. */
  constructor(initial: Iterable<[string, LogLine[]]> = [], previous: Iterable<[string, LogLine[]]> = []) {
    for (const [key, lines] of initial) this.logs.set(key, { current: [...lines], previous: [] });
    for (const [key, lines] of previous) this.logOf(key).previous = [...lines];
  }

  /**
   * `attach` runs when a log of one of the pod's containers is first touched (read, followed, appended to, ended),
   * or when `attachDeferred` asks: a large cluster's running pods, adopted as they are, mostly never are.
   */
  defer(namespace: string, pod: string, logs: DeferredLogs): void {
    this.deferred.set(podKeyOf(namespace, pod), logs);
  }

  /** Runs the pod's deferred attach now, if it has one. */
  attachDeferred(namespace: string, pod: string): void {
    if (this.deferred.size === 0) return;
    const key = podKeyOf(namespace, pod);
    const logs = this.deferred.get(key);
    if (!logs) return;
    this.deferred.delete(key);
    logs.attach();
  }

  read(namespace: string, pod: string, container: string, instance: ContainerInstance = 'current'): readonly LogLine[] {
    this.attachDeferred(namespace, pod);
    const log = this.logs.get(keyOf(namespace, pod, container));
    if (log) this.pull(log);
    return log?.[instance] ?? [];
  }

  append(namespace: string, pod: string, container: string, line: LogLine): void {
    this.attachDeferred(namespace, pod);
    const log = this.logOf(keyOf(namespace, pod, container));
    this.pull(log);
    this.push(log, line);
  }

  /** The running instance's lines come from `source` from now on, until it ends. */
  attach(namespace: string, pod: string, container: string, source: LogSource): void {
    this.attachDeferred(namespace, pod);
    const log = this.logOf(keyOf(namespace, pod, container));
    this.detach(log);
    log.source = source;
    if (log.followers?.size) this.watch(log);
  }

  /** The running instance stopped: its followers' streams end; its lines stay current until a restart. */
  end(namespace: string, pod: string, container: string): void {
    this.attachDeferred(namespace, pod);
    const log = this.logs.get(keyOf(namespace, pod, container));
    if (!log) return;
    this.pull(log);
    this.detach(log);
    const followers = [...(log.followers ?? [])];
    log.followers?.clear();
    for (const follower of followers) follower.end();
  }

  /** A new instance starts: the ended one becomes the previous, the older one is gone. */
  restart(namespace: string, pod: string, container: string): void {
    this.end(namespace, pod, container);
    const log = this.logOf(keyOf(namespace, pod, container));
    log.previous = log.current;
    log.current = [];
  }

  /** A pod's containers are removed with it: their lines go, their followers' streams end. */
  removePod(namespace: string, pod: string, containers: readonly string[]): void {
    this.deferred.delete(podKeyOf(namespace, pod));
    for (const container of containers) {
      const log = this.logs.get(keyOf(namespace, pod, container));
      if (log) this.detach(log);
      this.end(namespace, pod, container);
      this.logs.delete(keyOf(namespace, pod, container));
    }
  }

  /** Calls `follower` for every line appended to the current instance until it ends; returns the way to stop. */
  follow(namespace: string, pod: string, container: string, follower: LogFollower): () => void {
    this.attachDeferred(namespace, pod);
    const log = this.logOf(keyOf(namespace, pod, container));
    this.pull(log);
    (log.followers ??= new Set()).add(follower);
    if (log.source && !log.unwatch) this.watch(log);
    return () => {
      log.followers?.delete(follower);
      if (!log.followers?.size) {
        log.unwatch?.();
        delete log.unwatch;
      }
    };
  }

  /** Appends what the source has made since the last read. */
  private pull(log: ContainerLog): void {
    if (!log.source) return;
    for (const line of log.source.take()) this.push(log, line);
  }

  private push(log: ContainerLog, line: LogLine): void {
    log.current.push(line);
    if (log.current.length > MAX_LINES_PER_INSTANCE * 1.1) log.current.splice(0, log.current.length - MAX_LINES_PER_INSTANCE);
    if (log.followers?.size) for (const follower of [...log.followers]) follower.line(line);
  }

  private watch(log: ContainerLog): void {
    log.unwatch = log.source?.watch(() => this.pull(log));
  }

  private detach(log: ContainerLog): void {
    log.unwatch?.();
    delete log.unwatch;
    delete log.source;
  }

  private logOf(key: string): ContainerLog {
    let log = this.logs.get(key);
    if (!log) {
      log = { current: [], previous: [] };
      this.logs.set(key, log);
    }
    return log;
  }
}
