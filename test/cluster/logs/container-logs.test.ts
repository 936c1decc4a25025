import { ContainerLogs, type LogFollower, type LogLine, MAX_LINES_PER_INSTANCE } from '../../../src/cluster/logs/container-logs.js';

const line = (text: string, second = 0): LogLine => ({ time: `2026-01-01T12:00:${String(second).padStart(2, '0')}.000000000Z`, text });
const texts = (lines: readonly LogLine[]): string[] => lines.map((l) => l.text);

function recorder(): LogFollower & { lines: string[]; ended: number } {
  const seen = { lines: [] as string[], ended: 0 };
  return Object.assign(seen, { line: (l: LogLine) => void seen.lines.push(l.text), end: () => void seen.ended++ });
}

describe('ContainerLogs', () => {
  test('keeps the lines a container wrote, per namespace, pod and container, with the cluster file’s as a start', () => {
    const logs = new ContainerLogs([['default/web-1/nginx', [line('from the file')]]]);
    logs.append('default', 'web-1', 'nginx', line('later', 1));
    logs.append('default', 'web-2', 'nginx', line('another pod', 2));
    expect(texts(logs.read('default', 'web-1', 'nginx'))).toEqual(['from the file', 'later']);
    expect(texts(logs.read('default', 'web-2', 'nginx'))).toEqual(['another pod']);
    expect(logs.read('default', 'web-1', 'sidecar')).toEqual([]);
    expect(logs.read('default', 'web-1', 'nginx', 'previous')).toEqual([]);
  });

  test('a restart makes the ended instance the previous one and starts an empty current one', () => {
    const logs = new ContainerLogs();
    logs.append('default', 'db', 'mysql', line('first run'));
    logs.restart('default', 'db', 'mysql');
    logs.append('default', 'db', 'mysql', line('second run', 1));
    expect(texts(logs.read('default', 'db', 'mysql'))).toEqual(['second run']);
    expect(texts(logs.read('default', 'db', 'mysql', 'previous'))).toEqual(['first run']);
    logs.restart('default', 'db', 'mysql');
    expect(texts(logs.read('default', 'db', 'mysql', 'previous'))).toEqual(['second run']);
    expect(logs.read('default', 'db', 'mysql')).toEqual([]);
  });

  test('a follower sees each new line until the instance ends, then is told once and hears no more', () => {
    const logs = new ContainerLogs();
    const follower = recorder();
    logs.follow('default', 'db', 'mysql', follower);
    logs.append('default', 'db', 'mysql', line('one'));
    logs.append('default', 'db', 'other', line('not followed'));
    logs.end('default', 'db', 'mysql');
    logs.append('default', 'db', 'mysql', line('after the end'));
    logs.restart('default', 'db', 'mysql');
    expect(follower).toMatchObject({ lines: ['one'], ended: 1 });
  });

  test('a follower that stops following hears nothing more', () => {
    const logs = new ContainerLogs();
    const follower = recorder();
    const stop = logs.follow('default', 'db', 'mysql', follower);
    stop();
    logs.append('default', 'db', 'mysql', line('one'));
    logs.end('default', 'db', 'mysql');
    expect(follower).toMatchObject({ lines: [], ended: 0 });
  });

  test('removing a pod drops its containers’ lines and ends their followers', () => {
    const logs = new ContainerLogs();
    const follower = recorder();
    logs.append('default', 'web-1', 'nginx', line('one'));
    logs.restart('default', 'web-1', 'nginx');
    logs.follow('default', 'web-1', 'nginx', follower);
    logs.removePod('default', 'web-1', ['nginx']);
    expect(logs.read('default', 'web-1', 'nginx')).toEqual([]);
    expect(logs.read('default', 'web-1', 'nginx', 'previous')).toEqual([]);
    expect(follower.ended).toBe(1);
  });

  test('a deferred attach runs once, when a log of the pod is first touched, before what touched it', () => {
    const logs = new ContainerLogs();
    let attached = 0;
    logs.defer('default', 'web-1', {
      attach: () => {
        attached++;
        logs.append('default', 'web-1', 'nginx', line('attached'));
      },
    });
    logs.read('default', 'web-2', 'nginx');
    expect(attached).toBe(0);
    logs.append('default', 'web-1', 'sidecar', line('first touch', 1));
    expect(attached).toBe(1);
    expect(texts(logs.read('default', 'web-1', 'nginx'))).toEqual(['attached']);
    logs.attachDeferred('default', 'web-1');
    expect(attached).toBe(1);
  });

  test('a deferred attach runs when asked for, and never for a pod removed first', () => {
    const logs = new ContainerLogs();
    const attached: string[] = [];
    logs.defer('default', 'web-1', { attach: () => attached.push('web-1') });
    logs.defer('default', 'web-2', { attach: () => attached.push('web-2') });
    logs.attachDeferred('default', 'web-1');
    logs.removePod('default', 'web-2', ['nginx']);
    logs.read('default', 'web-2', 'nginx');
    expect(attached).toEqual(['web-1']);
  });

  test(`keeps at most about ${MAX_LINES_PER_INSTANCE} lines per instance, dropping the oldest, as log rotation does`, () => {
    const logs = new ContainerLogs();
    const total = Math.ceil(MAX_LINES_PER_INSTANCE * 1.5);
    for (let i = 0; i < total; i++) logs.append('default', 'web-1', 'nginx', line(`line ${i}`));
    const kept = logs.read('default', 'web-1', 'nginx');
    expect(kept.length).toBeGreaterThanOrEqual(MAX_LINES_PER_INSTANCE);
    expect(kept.length).toBeLessThanOrEqual(MAX_LINES_PER_INSTANCE * 1.1);
    expect(kept.at(-1)?.text).toBe(`line ${total - 1}`);
    expect(kept[0]?.text).toBe(`line ${total - kept.length}`);
  });
});
