import { ManualDriver, RealDriver, type RealTime } from '../../../src/cluster/simulation/drivers.js';
import { SimulationClock } from '../../../src/cluster/simulation/simulation-clock.js';

const START = 1_000_000;

function setup(): { clock: SimulationClock; driver: ManualDriver; log: string[] } {
  const clock = new SimulationClock(START);
  return { clock, driver: new ManualDriver(clock), log: [] };
}

describe('SimulationClock with the manual driver', () => {
  test('tasks run in order of their instant, and in scheduling order at the same instant', () => {
    const { clock, driver, log } = setup();
    clock.after(20, () => log.push('b@20'));
    clock.after(10, () => log.push('a@10'));
    clock.after(20, () => log.push('c@20'));
    clock.at(START + 5, () => log.push('first@5'));
    expect(driver.advance(19)).toBe(2);
    expect(log).toEqual(['first@5', 'a@10']);
    driver.advance(1);
    expect(log).toEqual(['first@5', 'a@10', 'b@20', 'c@20']);
  });

  test('inside a task, now() is exactly the instant the task was due', () => {
    const { clock, driver } = setup();
    const seen: number[] = [];
    clock.after(250, () => seen.push(clock.now()));
    clock.after(700, () => seen.push(clock.now()));
    driver.advance(10_000);
    expect(seen).toEqual([START + 250, START + 700]);
    expect(clock.now()).toBe(START + 10_000);
  });

  test('tasks scheduled while running are run too when they fall due in the same advance', () => {
    const { clock, driver, log } = setup();
    clock.after(10, () => {
      log.push('outer');
      clock.after(0, () => log.push('same instant'));
      clock.after(5, () => log.push('later'));
      clock.after(100, () => log.push('too late'));
    });
    driver.advance(20);
    expect(log).toEqual(['outer', 'same instant', 'later']);
  });

  test('every() repeats at its interval until cancelled', () => {
    const { clock, driver } = setup();
    const runs: number[] = [];
    const handle = clock.every(10_000, () => runs.push(clock.now() - START));
    driver.advance(35_000);
    handle.cancel();
    driver.advance(60_000);
    expect(runs).toEqual([10_000, 20_000, 30_000]);
  });

  test('every() honours a first delay', () => {
    const { clock, driver } = setup();
    const runs: number[] = [];
    clock.every(5_000, () => runs.push(clock.now() - START), { firstDelayMs: 0 });
    driver.advance(10_000);
    expect(runs).toEqual([0, 5_000, 10_000]);
  });

  test('a cancelled task never runs', () => {
    const { clock, driver, log } = setup();
    const handle = clock.after(10, () => log.push('cancelled'));
    clock.after(10, () => log.push('kept'));
    handle.cancel();
    driver.advance(10);
    expect(log).toEqual(['kept']);
  });

  test('a failing task is reported and the others still run', () => {
    const errors: string[] = [];
    const clock = new SimulationClock(START, (error, label) => errors.push(`${label}: ${(error as Error).message}`));
    const log: string[] = [];
    clock.after(
      1,
      () => {
        throw new Error('boom');
      },
      'exploding',
    );
    clock.after(2, () => log.push('after'));
    new ManualDriver(clock).advance(5);
    expect(errors).toEqual(['exploding: boom']);
    expect(log).toEqual(['after']);
  });
});

/** A fake Node timer: one pending timeout at a time, fired by the test. */
class FakeRealTime implements RealTime {
  current = 0;
  pending: { callback: () => void; at: number } | undefined;
  unrefs = 0;

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): { unref(): void } {
    const timer = { callback, at: this.current + ms };
    this.pending = timer;
    return {
      unref: () => {
        this.unrefs++;
      },
      ...{ timer },
    };
  }

  clearTimeout(): void {
    this.pending = undefined;
  }

  /** Moves real time to the pending timer and fires it. */
  fire(): void {
    const timer = this.pending;
    if (!timer) throw new Error('no timer pending');
    this.pending = undefined;
    this.current = timer.at;
    timer.callback();
  }
}

describe('RealDriver', () => {
  test('simulation time is real time scaled by speed, and the timer waits for the next task in real ms', () => {
    const clock = new SimulationClock(START);
    const realTime = new FakeRealTime();
    const driver = new RealDriver(clock, 10, realTime);
    const seen: number[] = [];
    clock.after(10_000, () => seen.push(clock.now() - START));
    expect(realTime.pending?.at).toBe(1_000);
    expect(realTime.unrefs).toBe(1);
    realTime.current = 500;
    expect(clock.now()).toBe(START + 5_000);
    realTime.fire();
    expect(seen).toEqual([10_000]);
    driver.stop();
  });

  test('periodic tasks keep the timer armed; stop() disarms it and freezes time', () => {
    const clock = new SimulationClock(START);
    const realTime = new FakeRealTime();
    const driver = new RealDriver(clock, 2, realTime);
    let runs = 0;
    clock.every(1_000, () => runs++);
    realTime.fire();
    realTime.fire();
    expect(runs).toBe(2);
    expect(realTime.pending?.at).toBe(1_500);
    driver.stop();
    expect(realTime.pending).toBeUndefined();
    const frozen = clock.now();
    realTime.current += 10_000;
    expect(clock.now()).toBe(frozen);
  });
});
