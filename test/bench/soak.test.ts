import { spawn } from 'node:child_process';
import { inspectorUrl, liveHeapMiB } from '../../bench/live-heap.js';

describe("the soak's live heap", () => {
  it('is read through the inspector address node prints when started with --inspect', () => {
    const output = [
      'Debugger listening on ws://127.0.0.1:41234/0f6b1d2e-9c1a-4c3e-8d7f-2b5a6c7d8e9f',
      'For help, see: https://nodejs.org/en/docs/inspector',
    ].join('\n');
    expect(inspectorUrl(output)).toBe('ws://127.0.0.1:41234/0f6b1d2e-9c1a-4c3e-8d7f-2b5a6c7d8e9f');
    expect(inspectorUrl('kubefacade 0.1.0 serving http://127.0.0.1:40123')).toBeUndefined();
  });

  it('is what a full collection leaves: what the process keeps, not the garbage it made', async () => {
    // Keeps half a million small objects reachable (some 20 MiB); holds eight times as many long enough to outlive
    // the young generation, then drops them: garbage only a full collection frees. Then waits to be inspected.
    const script = [
      'globalThis.kept = Array.from({ length: 2 ** 19 }, (_, i) => ({ i }));',
      'globalThis.trash = Array.from({ length: 8 }, () => Array.from({ length: 2 ** 19 }, (_, i) => ({ i })));',
      'globalThis.trash = undefined;',
      'setInterval(() => {}, 1000);',
    ].join(' ');
    const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = inspectorUrl(stderr);
          if (found) resolve(found);
        });
        child.once('exit', () => reject(new Error(`exited: ${stderr}`)));
      });
      const heap = await liveHeapMiB(url);
      expect(heap).toBeGreaterThan(12);
      expect(heap).toBeLessThan(40);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
