import type { SeededRandom } from '../random.js';

/**
 * How much one container (or one node's system daemons) uses, as a function of simulated time: a baseline,
 * two slow waves with seeded periods and phases, a start-up burst of cpu and a memory warm-up. Smooth in
 * time and free of state, so the usage at an instant does not depend on when, or how often, it was asked for.
 */
export interface UsageProfile {
  /** Steady cpu in nanocores. */
  cpuBase: number;
  /** Steady memory (working set) in bytes. */
  memoryBase: number;
  cpuWaves: readonly Wave[];
  memoryWave: Wave;
  /** Upper bounds from the container's limits, if any. */
  cpuLimit?: number;
  memoryLimit?: number;
}

interface Wave {
  amplitude: number;
  periodMs: number;
  phase: number;
}

const MI = 1024 * 1024;
/** cadvisor reports the working set in whole pages. */
const PAGE = 4096;

function wave(random: SeededRandom, amplitude: number, minPeriodMs: number, maxPeriodMs: number): Wave {
  return { amplitude, periodMs: random.between(minPeriodMs, maxPeriodMs), phase: random.next() * 2 * Math.PI };
}

const waveAt = (w: Wave, instant: number): number => w.amplitude * Math.sin((2 * Math.PI * instant) / w.periodMs + w.phase);

/** Draws a profile around the given baselines (nanocores, bytes); `random` is this container's own stream. */
export function drawProfile(random: SeededRandom, cpuBase: number, memoryBase: number, limits: { cpu?: number; memory?: number } = {}): UsageProfile {
  return {
    cpuBase,
    memoryBase,
    cpuWaves: [wave(random, 0.3, 120_000, 600_000), wave(random, 0.15, 20_000, 90_000)],
    memoryWave: wave(random, 0.04, 180_000, 900_000),
    ...(limits.cpu !== undefined ? { cpuLimit: limits.cpu } : {}),
    ...(limits.memory !== undefined ? { memoryLimit: limits.memory } : {}),
  };
}

/** Nanocores at `instant`, `ageMs` after the container started: a burst while starting, then the waves. */
export function cpuAt(profile: UsageProfile, instant: number, ageMs: number): number {
  const waves = profile.cpuWaves.reduce((sum, w) => sum + waveAt(w, instant), 0);
  const startup = 1 + 2 * Math.exp(-Math.max(0, ageMs) / 20_000);
  const value = profile.cpuBase * Math.max(0.05, 1 + waves) * startup;
  return Math.round(profile.cpuLimit !== undefined ? Math.min(value, profile.cpuLimit * 0.95) : value);
}

/** Bytes at `instant`: growing to the baseline over the first minutes, then breathing a little; whole pages. */
export function memoryAt(profile: UsageProfile, instant: number, ageMs: number): number {
  const warmup = 0.6 + 0.4 * (1 - Math.exp(-Math.max(0, ageMs) / 60_000));
  let value = profile.memoryBase * warmup * (1 + waveAt(profile.memoryWave, instant));
  if (profile.memoryLimit !== undefined) value = Math.min(value, profile.memoryLimit * 0.9);
  return Math.max(PAGE, Math.round(value / PAGE) * PAGE);
}

export { MI };
