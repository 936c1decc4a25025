/**
 * What the controllers did, as kubectl reads it back: `get events -A --sort-by=.lastTimestamp` after the talk's
 * first minutes (nodes Ready, node5 joining, web scaled out), and the Events section of `describe node` and
 * `describe pod`. Every event's source is the component the real cluster names. The cases share one server
 * and run in the story's order: the last one plays on to node2's failure.
 */
import type { Pod } from '../../../src/cluster/index.js';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeEachKubectl } from '../../support/kubectl.js';
import { cells, parseAge, rows } from './printed-rows.js';
import { advanceTo, evictionsDoneBy, scaleAt } from './talk-scenario.js';

describeEachKubectl('kubectl get events and describe on the live cluster', (binary) => {
  const server = useE2eServer({ live: {} });
  beforeAll(() => advanceTo(server(), scaleAt('default/web') + 10_000));

  const eventCount = (): number => server().running.cluster.store.list('/events', {}).items.length;

  it('lists every event oldest first, LAST SEEN counting down', async () => {
    const { stdout, stderr, exitCode } = await server().kubectl(binary, ['get', 'events', '-A', '--sort-by=.lastTimestamp']);
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    const [header, ...events] = rows(stdout);
    expect(cells(header ?? '')).toEqual(['NAMESPACE', 'LAST', 'SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(events).toHaveLength(eventCount());
    const ages = events.map((row) => parseAge(cells(row)[1] ?? ''));
    for (let i = 1; i < ages.length; i++) expect(ages[i]).toBeLessThanOrEqual(ages[i - 1] ?? 0);
    // Event times have whole seconds, so the order within one second is kubectl's; the newest are the
    // scale-out's, 10 s ago at most.
    expect(ages.at(-1)).toBeLessThanOrEqual(10_000);
  });

  it('names the real components as sources, each recording what its counterpart records', async () => {
    const columns = 'SOURCE:.source.component,REASON:.reason,OBJECT:.involvedObject.kind,LAST:.lastTimestamp';
    const { stdout, stderr } = await server().kubectl(binary, ['get', 'events', '-A', '--sort-by=.lastTimestamp', '-o', `custom-columns=${columns}`]);
    expect(stderr).toBe('');
    const printed = rows(stdout)
      .slice(1)
      .map((row) => cells(row));
    const lastSeen = printed.map((c) => c[3] ?? '');
    expect(lastSeen).toEqual([...lastSeen].sort());
    const recorded = new Set(printed.map((c) => `${c[0]} ${c[1]} ${c[2]}`));
    for (const expected of [
      'kubelet Starting Node',
      'kubelet NodeReady Node',
      'node-controller RegisteredNode Node',
      'daemonset-controller SuccessfulCreate DaemonSet',
      'deployment-controller ScalingReplicaSet Deployment',
      'replicaset-controller SuccessfulCreate ReplicaSet',
      'default-scheduler Scheduled Pod',
      'kubelet Pulling Pod',
      'kubelet Pulled Pod',
      'kubelet Created Pod',
      'kubelet Started Pod',
    ]) {
      expect(recorded).toContain(expected);
    }
  });

  it('describes node3 with the events of its kubelet', async () => {
    const { stdout, stderr } = await server().kubectl(binary, ['describe', 'node', 'node3']);
    expect(stderr).toBe('');
    const events = stdout.slice(stdout.indexOf('\nEvents:\n'));
    expect(
      rows(events)
        .slice(2, 4)
        .map((row) => cells(row)),
    ).toEqual([
      ['Type', 'Reason', 'Age', 'From', 'Message'],
      ['----', '------', '----', '----', '-------'],
    ]);
    expect(events).toMatch(/\n {2}Normal {2}Starting +\S+ +kubelet +Starting kubelet\.\n/);
    expect(events).toMatch(/\n {2}Normal {2}NodeReady +\S+ +kubelet +Node node3 status is now: NodeReady\n/);
  });

  it('describes a pod of the scale-out with its scheduling and start', async () => {
    const pods = server()
      .running.cluster.store.list('/pods', { namespace: 'default' })
      .items.map((stored) => stored.object as Pod);
    const newest = pods
      .filter((pod) => pod.metadata.labels?.app === 'web')
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))
      .at(-1);
    const name = newest?.metadata.name ?? '';
    const node = newest?.spec?.nodeName ?? '';
    const { stdout, stderr } = await server().kubectl(binary, ['describe', 'pod', name]);
    expect(stderr).toBe('');
    const events = rows(stdout.slice(stdout.indexOf('\nEvents:\n'))).slice(4);
    expect(events.map((row) => cells(row).slice(0, 2).join(' '))).toEqual([
      'Normal Scheduled',
      'Normal Pulling',
      'Normal Pulled',
      'Normal Created',
      'Normal Started',
    ]);
    expect(events[0]).toMatch(new RegExp(` default-scheduler +Successfully assigned default/${name} to ${node}$`));
    // kubectl 1.35 leads an event's message with the field of the object it is about (measured with 1.35.2).
    const field = binary.minor >= 35 ? 'spec\\.containers\\{nginx\\}: ' : '';
    expect(events[4]).toMatch(new RegExp(` kubelet +${field}Started container nginx$`));
  });

  it('records node2’s failure: NotReady, its pods evicted and recreated', async () => {
    const onNode2 = server().running.cluster.store.list('/pods', { index: { name: 'spec.nodeName', value: 'node2' } });
    const pods = onNode2.items.map((stored) => stored.object as Pod);
    const evictable = pods.filter((pod) => pod.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet');
    expect(evictable.length).toBeGreaterThan(0);
    advanceTo(server(), evictionsDoneBy('node2'));

    const columns = 'SOURCE:.source.component,REASON:.reason,OBJECT:.involvedObject.name';
    const { stdout, stderr } = await server().kubectl(binary, ['get', 'events', '-A', '--sort-by=.lastTimestamp', '-o', `custom-columns=${columns}`]);
    expect(stderr).toBe('');
    const recorded = rows(stdout)
      .slice(1)
      .map((row) => cells(row).join(' '));
    expect(recorded).toContain('node-controller NodeNotReady node2');
    // The node controller marks every pod of the node not Ready; the taint manager evicts those whose
    // unreachable toleration runs out (DaemonSet pods tolerate it for ever); their ReplicaSets replace them.
    for (const pod of pods) expect(recorded).toContain(`node-controller NodeNotReady ${pod.metadata.name}`);
    for (const pod of evictable) {
      expect(recorded).toContain(`taint-eviction-controller TaintManagerEviction ${pod.metadata.name}`);
      expect(recorded).toContain(`replicaset-controller SuccessfulCreate ${pod.metadata.ownerReferences?.[0]?.name}`);
    }
    for (const pod of pods.filter((p) => !evictable.includes(p)))
      expect(recorded).not.toContain(`taint-eviction-controller TaintManagerEviction ${pod.metadata.name}`);
  });
});
