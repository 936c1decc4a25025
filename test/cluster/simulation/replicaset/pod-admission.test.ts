import { admitPodSpec } from '../../../../src/cluster/simulation/replicaset/pod-admission.js';
import { SeededRandom } from '../../../../src/cluster/simulation/random.js';
import type { Pod } from '../../../../src/cluster/objects.js';

type PodSpec = NonNullable<Pod['spec']>;

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('admitPodSpec: the ServiceAccount token mounted in every container', () => {
  const template: PodSpec = {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        resources: { requests: { cpu: '100m' } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        terminationMessagePath: '/dev/termination-log',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  };

  test("goes after the container's own mounts, where the API server's field order puts volumeMounts, with a name of its own per pod", () => {
    const random = new SeededRandom(1);
    const [first, second] = [admitPodSpec(template, random), admitPodSpec(template, random)];
    const container = first.containers[0];
    expect(Object.keys(container ?? {})).toEqual(['name', 'image', 'resources', 'volumeMounts', 'terminationMessagePath', 'imagePullPolicy']);
    const token = container?.volumeMounts?.[1];
    expect(container?.volumeMounts?.[0]).toEqual({ name: 'data', mountPath: '/data' });
    expect(token).toEqual({ name: expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/), readOnly: true, mountPath: TOKEN_PATH });
    expect(first.volumes?.map((v) => v.name)).toEqual(['data', token?.name]);
    expect(second.containers[0]?.volumeMounts?.[1]?.name).not.toBe(token?.name);
    // The template is left as it was.
    expect(template.containers[0]?.volumeMounts).toHaveLength(1);
  });

  test('leaves a container that mounts the token itself as it is', () => {
    const own = { name: 'app', image: 'app:1', volumeMounts: [{ name: 'mine', mountPath: TOKEN_PATH }] };
    const admitted = admitPodSpec({ containers: [own] }, new SeededRandom(1));
    expect(admitted.containers[0]).toBe(own);
  });

  test("copies an own __proto__ field as data, without touching the copy's prototype", () => {
    const container = JSON.parse(
      '{"name":"odd","image":"odd:1","__proto__":{"polluted":true},"terminationMessagePath":"/dev/termination-log"}',
    ) as PodSpec['containers'][number];
    const admitted = admitPodSpec({ containers: [container] }, new SeededRandom(1)).containers[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(admitted)).toBe(Object.prototype);
    expect(admitted.polluted).toBeUndefined();
    expect(Object.keys(admitted)).toEqual(['name', 'image', '__proto__', 'volumeMounts', 'terminationMessagePath']);
  });
});
