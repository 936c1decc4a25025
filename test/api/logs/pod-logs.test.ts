import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { node, pod, sampleObjects } from '../../support/sample-objects.js';
import { testApp } from '../../support/test-app.js';
import { listen, openStream } from '../../support/watch-client.js';

function twoContainerPod(): KubeObject {
  const base = pod('default', 'multi', 'node2', { app: 'multi' }, '10.244.1.9');
  const spec = base['spec'] as { containers: { name: string; image: string }[] };
  const status = base['status'] as { containerStatuses: Record<string, unknown>[] };
  return {
    ...base,
    spec: { ...spec, containers: [...spec.containers, { name: 'sidecar', image: 'busybox' }] },
    status: {
      ...status,
      containerStatuses: [
        ...status.containerStatuses,
        { name: 'sidecar', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } },
      ],
    },
  };
}

type ContainerStatus = Record<string, unknown>;

/** A pod of one container `main` whose status is `status` (restarted, crashing, ...). */
function podWithStatus(name: string, status: ContainerStatus): KubeObject {
  const base = pod('default', name, 'node2', { app: name }, '10.244.1.10');
  const current = base['status'] as { containerStatuses: ContainerStatus[] };
  return { ...base, status: { ...current, containerStatuses: [{ ...current.containerStatuses[0], ...status }] } };
}

const crashed = {
  terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-01-01T11:58:00Z', finishedAt: '2026-01-01T11:59:00Z', containerID: 'docker://1' },
};

/** A node whose kubelet stopped posting status: the node lifecycle controller set Ready to Unknown. */
function silentNode(): KubeObject {
  const base = node('node9', '192.168.0.9', true, 300);
  const status = base['status'] as { conditions: Record<string, unknown>[] };
  const unknown = { ...status.conditions[0], status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
  return { ...base, status: { ...status, conditions: [unknown], daemonEndpoints: { kubeletEndpoint: { Port: 10250 } } } };
}

describe('pods/log', () => {
  const { app, cluster } = testApp([
    ...sampleObjects(),
    twoContainerPod(),
    podWithStatus('restarted', { restartCount: 1, state: { running: { startedAt: '2026-01-01T11:59:01Z' } }, lastState: crashed }),
    podWithStatus('crashing', { restartCount: 1, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: crashed }),
    podWithStatus('ended', { ready: false, state: crashed }),
    silentNode(),
    { ...pod('default', 'stranded', 'node9', { app: 'stranded' }, '10.244.9.2') },
  ]);
  const lines = ['starting nginx', 'listening on :80', 'GET / 200', 'GET /favicon.ico 404'];
  lines.forEach((text, i) => cluster.logs.append('default', 'web-1', 'main', { time: `2026-01-01T11:59:0${i}.000000001Z`, text }));

  const log = (path: string) => request(app).get(`/api/v1/namespaces/default/pods/${path}`);

  test("returns the container's lines as text/plain", async () => {
    const res = await log('web-1/log?container=main').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(`${lines.join('\n')}\n`);
  });

  test('a pod with one container needs no container parameter', async () => {
    const res = await log('web-1/log').expect(200);
    expect(res.text.split('\n')).toHaveLength(5);
  });

  test.each([
    ['tailLines=2', 'GET / 200\nGET /favicon.ico 404\n'],
    ['tailLines=0', ''],
    ['timestamps=true&tailLines=1', '2026-01-01T11:59:03.000000001Z GET /favicon.ico 404\n'],
    ['limitBytes=5', 'start'],
    ['sinceTime=2026-01-01T11:59:02Z', 'GET / 200\nGET /favicon.ico 404\n'],
    ['sinceSeconds=58', 'GET / 200\nGET /favicon.ico 404\n'],
  ])('%s is honoured', async (query, expected) => {
    const res = await log(`web-1/log?container=main&${query}`).expect(200);
    expect(res.text).toBe(expected);
  });

  test.each([
    ['nope/log', 404, 'pods "nope" not found'],
    ['multi/log', 400, 'a container name must be specified for pod multi, choose one of: [main sidecar]'],
    ['web-1/log?container=nope', 400, 'container nope is not valid for pod web-1'],
    ['multi/log?container=sidecar', 400, 'container "sidecar" in pod "multi" is waiting to start: trying and failing to pull image'],
    ['web-1/log?previous=true', 400, 'previous terminated container "main" in pod "web-1" not found'],
    ['web-1/log?tailLines=-1', 422, 'PodLogOptions "web-1" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0'],
  ])('GET %s is %i: %s', async (path, code, message) => {
    const res = await log(path).expect(code);
    expect(res.body).toMatchObject({ kind: 'Status', code, message });
  });

  describe('container instances', () => {
    const at = (second: number): string => `2026-01-01T11:59:${String(second).padStart(2, '0')}.000000000Z`;
    for (const name of ['restarted', 'crashing']) {
      cluster.logs.append('default', name, 'main', { time: at(0), text: 'first run' });
      cluster.logs.restart('default', name, 'main');
      cluster.logs.append('default', name, 'main', { time: at(10), text: 'second run' });
    }

    test('a restarted container’s logs are its current instance’s; previous=true gives the one before', async () => {
      expect((await log('restarted/log').expect(200)).text).toBe('second run\n');
      expect((await log('restarted/log?previous=true').expect(200)).text).toBe('first run\n');
    });

    test('while a restart waits (CrashLoopBackOff) both name the instance that just ended, as the kubelet reads lastState', async () => {
      expect((await log('crashing/log').expect(200)).text).toBe('second run\n');
      expect((await log('crashing/log?previous=true').expect(200)).text).toBe('second run\n');
    });

    test('follow=true on an ended container prints its lines and ends', async () => {
      cluster.logs.append('default', 'ended', 'main', { time: at(20), text: 'last words' });
      expect((await log('ended/log?follow=true').expect(200)).text).toBe('last words\n');
    });

    test('follow=true ends the stream when the followed instance ends', async () => {
      const served = await listen(app);
      try {
        const stream = await openStream(served.port, '/api/v1/namespaces/default/pods/restarted/log?follow=true&tailLines=0');
        stream.response.removeAllListeners('data');
        let received = '';
        stream.response.on('data', (chunk: string) => (received += chunk));
        const ended = new Promise<void>((resolve) => stream.response.on('end', resolve));
        await new Promise((resolve) => setImmediate(resolve));
        cluster.logs.append('default', 'restarted', 'main', { time: at(30), text: 'crashing now' });
        cluster.logs.end('default', 'restarted', 'main');
        await ended;
        expect(received).toBe('crashing now\n');
      } finally {
        await served.close();
      }
    });
  });

  test.each([
    ['stranded/log', ''],
    ['stranded/log?tailLines=2&timestamps=true&follow=true', '?follow=true&tailLines=2&timestamps=true'],
    ['stranded/log?previous=1&sinceTime=2026-01-01T11:59:02Z&limitBytes=10', '?limitBytes=10&previous=true&sinceTime=2026-01-01T11%3A59%3A02Z'],
  ])('GET %s on a node whose kubelet is silent fails the dial, as the API server relays it', async (path, query) => {
    const res = await log(path).expect(500);
    const url = `https://192.168.0.9:10250/containerLogs/default/stranded/main${query}`;
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Get "${url}": dial tcp 192.168.0.9:10250: connect: no route to host`,
      code: 500,
    });
  });

  test('options are read and validated before the pod is looked up, as upstream', async () => {
    const res = await log('nope/log?tailLines=-1').expect(422);
    expect(res.body).toMatchObject({ reason: 'Invalid', message: expect.stringMatching(/^PodLogOptions "nope" is invalid: tailLines/) });
  });

  test('a boolean option is true unless absent, 0 or false, as the API server converts query parameters', async () => {
    const res = await log('web-1/log?container=main&tailLines=1&timestamps=yes').expect(200);
    expect(res.text).toBe('2026-01-01T11:59:03.000000001Z GET /favicon.ico 404\n');
  });

  test('follow=true streams lines appended after the request', async () => {
    const served = await listen(app);
    try {
      const stream = await openStream(served.port, '/api/v1/namespaces/default/pods/web-1/log?container=main&follow=true&tailLines=0');
      let received = '';
      const got = new Promise<void>((resolve) => {
        stream.response.removeAllListeners('data');
        stream.response.on('data', (chunk: string) => {
          received += chunk;
          if (received.includes('\n')) resolve();
        });
      });
      cluster.logs.append('default', 'web-1', 'main', { time: '2026-01-01T12:00:01.000000000Z', text: 'GET /new 200' });
      await got;
      expect(received).toBe('GET /new 200\n');
      stream.close();
    } finally {
      await served.close();
    }
  });
});
