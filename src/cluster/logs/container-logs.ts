/** One line a container wrote, with the instant the runtime recorded it (RFC 3339 with nanoseconds, UTC). */
export interface LogLine {
  time: string;
  text: string;
}

export type LogListener = (line: LogLine) => void;

const keyOf = (namespace: string, pod: string, container: string): string => `${namespace}/${pod}/${container}`;

/**
 * What each container has written, as the kubelet would keep it. Lines come from the cluster file now and from
 * the simulated kubelet later; `follow` lets a `logs -f` reader see lines as they are appended.
 */
export class ContainerLogs {
  private readonly lines = new Map<string, LogLine[]>();
  private readonly listeners = new Map<string, Set<LogListener>>();

  constructor(initial: Iterable<[string, LogLine[]]> = []) {
    for (const [key, lines] of initial) this.lines.set(key, [...lines]);
  }

  read(namespace: string, pod: string, container: string): readonly LogLine[] {
    return this.lines.get(keyOf(namespace, pod, container)) ?? [];
  }

  append(namespace: string, pod: string, container: string, line: LogLine): void {
    const key = keyOf(namespace, pod, container);
    let lines = this.lines.get(key);
    if (!lines) {
      lines = [];
      this.lines.set(key, lines);
    }
    lines.push(line);
    for (const listener of [...(this.listeners.get(key) ?? [])]) listener(line);
  }

  follow(namespace: string, pod: string, container: string, listener: LogListener): () => void {
    const key = keyOf(namespace, pod, container);
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }
}
