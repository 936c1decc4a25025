import { createHash } from 'node:crypto';
import type { Cluster } from '../../../cluster/index.js';
import { parseQuantity } from '../../../cluster/index.js';

/**
 * The numbers of the kubelet's Summary that the simulation does not compute (page faults, network bytes, disk
 * use): each a stable function of what it describes, so the same cluster shows the same node twice alike.
 * Counters grow with the time their object has run; cpu time is accumulated from the simulated usage itself,
 * so that its rate is the usage reported beside it, as cadvisor's cumulative counters are.
 */

/** A number in [0, 1) that depends only on `key`. */
export function figure(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** A quantity in its base unit: cores for cpu (fractional), bytes for memory and storage; 0 when absent. */
export function quantityValue(text: string | undefined): number {
  const quantity = text === undefined ? undefined : parseQuantity(text);
  return quantity === undefined ? 0 : Number(quantity.nanos) / 1e9;
}

/** Nanocores from a cpu quantity (`123456789n`, `250m`). */
export function nanoCores(text: string): number {
  const quantity = parseQuantity(text);
  return quantity === undefined ? 0 : Number(quantity.nanos);
}

interface Counter {
  at: number;
  total: number;
}

const COUNTER_LIMIT = 50_000;
const counters = new WeakMap<Cluster, Map<string, Counter>>();

/**
 * Cumulative cpu time (core-nanoseconds) of `key` at the sample instant `at`: first seen, the current usage over
 * the time the object has run; then the usage at each later sample times the time since the previous one.
 */
export function usageCoreNanoSeconds(cluster: Cluster, key: string, at: number, startedAt: number, usageNanoCores: number): number {
  let table = counters.get(cluster);
  if (table === undefined) counters.set(cluster, (table = new Map<string, Counter>()));
  let counter = table.get(key);
  if (counter === undefined) {
    if (table.size >= COUNTER_LIMIT) table.clear();
    counter = { at, total: (usageNanoCores * Math.max(0, at - startedAt)) / 1000 };
    table.set(key, counter);
  } else if (at > counter.at) {
    counter.total += (usageNanoCores * (at - counter.at)) / 1000;
    counter.at = at;
  }
  return Math.round(counter.total);
}
