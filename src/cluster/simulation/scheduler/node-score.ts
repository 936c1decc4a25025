import type { Pod } from '../../objects.js';
import { quantityMilliValue, quantityValue } from '../../meta/index.js';
import type { Requests } from './node-fit.js';

/** Scoring counts a container without requests as 100m CPU and 200Mi (pkg/scheduler/util/pod_resources.go). */
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

export function nonZeroRequests(pod: Pod): Requests {
  let cpu = 0;
  let memory = 0;
  for (const container of pod.spec?.containers ?? []) {
    const requests = container.resources?.requests ?? {};
    cpu += requests.cpu === undefined ? DEFAULT_MILLI_CPU : quantityMilliValue(requests.cpu);
    memory += requests.memory === undefined ? DEFAULT_MEMORY : quantityValue(requests.memory);
  }
  return { milliCpu: cpu, memory };
}

/**
 * NodeResourcesFit's LeastAllocated score plus NodeResourcesBalancedAllocation, each 0–100 with weight 1: an
 * emptier node, and one whose CPU and memory are used in proportion, scores higher. This is what spreads load.
 * `capacity` is the node's allocatable, `bound` the non-zero requests of its pods, `request` the pod's.
 */
export function scoreNode(capacity: Requests, bound: Requests, request: Requests): number {
  const cpuUsed = bound.milliCpu + request.milliCpu;
  const memoryUsed = bound.memory + request.memory;
  const free = (used: number, total: number): number => (total <= 0 || used > total ? 0 : Math.floor(((total - used) * 100) / total));
  const leastAllocated = Math.floor((free(cpuUsed, capacity.milliCpu) + free(memoryUsed, capacity.memory)) / 2);
  const cpuFraction = capacity.milliCpu > 0 ? Math.min(1, cpuUsed / capacity.milliCpu) : 1;
  const memoryFraction = capacity.memory > 0 ? Math.min(1, memoryUsed / capacity.memory) : 1;
  const balanced = Math.floor((1 - Math.abs(cpuFraction - memoryFraction) / 2) * 100);
  return leastAllocated + balanced;
}
