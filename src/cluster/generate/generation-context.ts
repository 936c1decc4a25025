import { randomString, rfc3339 as timestamp } from '../meta/index.js';
import { SeededRandom } from '../simulation/random.js';
import type { GenerateOptions } from './generate-options.js';

const DAY_MS = 86_400_000;

/**
 * What every object generator draws from: one seeded random stream, the resourceVersion counter and the capture's
 * instant. Objects are generated in one fixed order, so the same seed always gives the same bytes.
 */
export class GenerationContext {
  readonly capturedAtMs: number;
  /** When the cluster was created: the age of the built-in namespaces, the oldest node, kube-proxy. */
  readonly clusterCreatedMs: number;
  private readonly random: SeededRandom;
  private resourceVersion = 1000;

  constructor(readonly options: GenerateOptions) {
    this.random = new SeededRandom(`generate/${options.seed}`);
    this.capturedAtMs = options.capturedAt.getTime();
    this.clusterCreatedMs = this.capturedAtMs - 180 * DAY_MS;
  }

  next(): number {
    return this.random.next();
  }

  int(min: number, max: number): number {
    return this.random.int(min, max);
  }

  chance(probability: number): boolean {
    return this.random.chance(probability);
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  hex(length: number): string {
    return this.random.hex(length);
  }

  /** A random UUID (version 4 layout), as the API server gives every object. */
  uid(): string {
    const hex = this.random.hex(32);
    const variant = '89ab'[this.random.int(0, 3)] as string;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  /** A generated name's suffix (`kube-proxy-x7k2p`) or a pod-template hash. */
  suffix(length: number): string {
    return randomString(() => this.random.next(), length);
  }

  /** The next resourceVersion: etcd's revision grows with every write, in the order objects were written. */
  nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  /** An instant between `fromMs` and `toMs`, to the second. */
  between(fromMs: number, toMs: number): number {
    return Math.floor((fromMs + this.random.next() * Math.max(0, toMs - fromMs)) / 1000) * 1000;
  }

  time(epochMs: number): string {
    return timestamp(epochMs);
  }
}
