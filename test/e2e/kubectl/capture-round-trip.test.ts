/**
 * A cluster captured, served, captured again and served again must look the same. kubefacade serves
 * test/fixtures/captures/every-kind.yaml; the newest kubectl captures it the five ways people keep a cluster
 * (test/support/captures/), once for the file. Then for each kubectl, kubefacade serves the fixture (server A) and
 * each capture (servers B, at the same frozen instant), and kubectl must print exactly the same against A and B
 * for every resource the capture holds. A capture holds what its tool collects, no more: a cluster-info dump has
 * no Secrets, so `get secrets` is not compared for it.
 *
 * The newest kubectl compares everything: each resource's `get -A` and `get -A -o wide` table, cut from one
 * `kubectl get <every resource held> -A` (kubectl prints one table per resource, names prefixed with their kind;
 * a kubectl process per resource would take minutes on two cores), `get all`, `api-resources`, custom resources
 * and `describe`. The folder of JSON files holds the objects of the YAML file: besides its tables only the sample
 * of commands is run against it. The older kubectl binaries run the sample against every capture.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandPool } from '../../support/command-pool.js';
import { type E2eServer, startE2eServer } from '../../support/e2e-server.js';
import { holdClockAt } from '../../support/held-clock.js';
import { describeEachKubectl, type KubectlBinary, kubectlBinariesUnderTest, type KubectlResult } from '../../support/kubectl.js';
import { type CapturedCluster, type CaptureFormName, captureEveryForm } from '../../support/captures/capture-forms.js';
import { descriptions, kindPrefix, tablesByKind, withClientAgesMasked } from '../../support/captures/output-sections.js';
import { CLUSTER_INFO_DUMP_RESOURCES } from '../../support/captures/kubectl-captures.js';
import { MUST_GATHER_NAMESPACED } from '../../support/captures/must-gather.js';
import { SUPPORT_BUNDLE_CLUSTER_SCOPED, SUPPORT_BUNDLE_NAMESPACED } from '../../support/captures/support-bundle.js';

const FIXTURE = 'test/fixtures/captures/every-kind.yaml';

/** Listable resources no capture takes: objects the server computes, or a second view of objects captured. */
const LEFT_OUT = ['componentstatuses', 'events.events.k8s.io', 'nodes.metrics.k8s.io', 'pods.metrics.k8s.io'];

/** Every other resource A lists: the stored kinds of a default v1.33 server, the fixture's CRDs and an undefined kind. */
const RESOURCES: readonly (readonly [name: string, kind: string, scope: 'Namespaced' | 'Cluster'])[] = [
  ['configmaps', 'ConfigMap', 'Namespaced'],
  ['endpoints', 'Endpoints', 'Namespaced'],
  ['events', 'Event', 'Namespaced'],
  ['limitranges', 'LimitRange', 'Namespaced'],
  ['namespaces', 'Namespace', 'Cluster'],
  ['nodes', 'Node', 'Cluster'],
  ['persistentvolumeclaims', 'PersistentVolumeClaim', 'Namespaced'],
  ['persistentvolumes', 'PersistentVolume', 'Cluster'],
  ['pods', 'Pod', 'Namespaced'],
  ['podtemplates', 'PodTemplate', 'Namespaced'],
  ['replicationcontrollers', 'ReplicationController', 'Namespaced'],
  ['resourcequotas', 'ResourceQuota', 'Namespaced'],
  ['secrets', 'Secret', 'Namespaced'],
  ['serviceaccounts', 'ServiceAccount', 'Namespaced'],
  ['services', 'Service', 'Namespaced'],
  ['mutatingwebhookconfigurations.admissionregistration.k8s.io', 'MutatingWebhookConfiguration', 'Cluster'],
  ['validatingadmissionpolicies.admissionregistration.k8s.io', 'ValidatingAdmissionPolicy', 'Cluster'],
  ['validatingadmissionpolicybindings.admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding', 'Cluster'],
  ['validatingwebhookconfigurations.admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', 'Cluster'],
  ['customresourcedefinitions.apiextensions.k8s.io', 'CustomResourceDefinition', 'Cluster'],
  ['apiservices.apiregistration.k8s.io', 'APIService', 'Cluster'],
  ['controllerrevisions.apps', 'ControllerRevision', 'Namespaced'],
  ['daemonsets.apps', 'DaemonSet', 'Namespaced'],
  ['deployments.apps', 'Deployment', 'Namespaced'],
  ['replicasets.apps', 'ReplicaSet', 'Namespaced'],
  ['statefulsets.apps', 'StatefulSet', 'Namespaced'],
  ['horizontalpodautoscalers.autoscaling', 'HorizontalPodAutoscaler', 'Namespaced'],
  ['cronjobs.batch', 'CronJob', 'Namespaced'],
  ['jobs.batch', 'Job', 'Namespaced'],
  ['certificates.cert-manager.io', 'Certificate', 'Namespaced'],
  ['certificatesigningrequests.certificates.k8s.io', 'CertificateSigningRequest', 'Cluster'],
  ['leases.coordination.k8s.io', 'Lease', 'Namespaced'],
  ['endpointslices.discovery.k8s.io', 'EndpointSlice', 'Namespaced'],
  ['widgets.example.com', 'Widget', 'Namespaced'],
  ['flowschemas.flowcontrol.apiserver.k8s.io', 'FlowSchema', 'Cluster'],
  ['prioritylevelconfigurations.flowcontrol.apiserver.k8s.io', 'PriorityLevelConfiguration', 'Cluster'],
  ['ingressclasses.networking.k8s.io', 'IngressClass', 'Cluster'],
  ['ingresses.networking.k8s.io', 'Ingress', 'Namespaced'],
  ['ipaddresses.networking.k8s.io', 'IPAddress', 'Cluster'],
  ['networkpolicies.networking.k8s.io', 'NetworkPolicy', 'Namespaced'],
  ['servicecidrs.networking.k8s.io', 'ServiceCIDR', 'Cluster'],
  ['runtimeclasses.node.k8s.io', 'RuntimeClass', 'Cluster'],
  ['poddisruptionbudgets.policy', 'PodDisruptionBudget', 'Namespaced'],
  ['clusterpolicies.policy.example.io', 'ClusterPolicy', 'Cluster'],
  ['clusterrolebindings.rbac.authorization.k8s.io', 'ClusterRoleBinding', 'Cluster'],
  ['clusterroles.rbac.authorization.k8s.io', 'ClusterRole', 'Cluster'],
  ['rolebindings.rbac.authorization.k8s.io', 'RoleBinding', 'Namespaced'],
  ['roles.rbac.authorization.k8s.io', 'Role', 'Namespaced'],
  ['priorityclasses.scheduling.k8s.io', 'PriorityClass', 'Cluster'],
  ['csidrivers.storage.k8s.io', 'CSIDriver', 'Cluster'],
  ['csinodes.storage.k8s.io', 'CSINode', 'Cluster'],
  ['csistoragecapacities.storage.k8s.io', 'CSIStorageCapacity', 'Namespaced'],
  ['storageclasses.storage.k8s.io', 'StorageClass', 'Cluster'],
  ['volumeattachments.storage.k8s.io', 'VolumeAttachment', 'Cluster'],
];
const ALL = RESOURCES.map(([name]) => name);
const CRDS = 'customresourcedefinitions.apiextensions.k8s.io';

/** The `all` category of the fixture: the built-in members and the Widget CRD, which joins it. */
const CATEGORY_ALL = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
  'widgets.example.com',
];

/** Groups of the fixture's custom resources: a capture without their objects serves no such resource. */
const CUSTOM_GROUPS = ['example.com', 'policy.example.io', 'cert-manager.io'];

interface Form {
  name: CaptureFormName;
  title: string;
  /** The GETS and DESCRIPTIONS run against it with the newest kubectl: all, or only the sample. */
  checks: 'all' | 'sample';
  /** What the tool captures of the fixture. */
  holds: readonly string[];
  /** Resources whose objects the tool changes on purpose, so that `describe` shows something else. */
  alters: readonly string[];
}

const FORMS: readonly Form[] = [
  { name: 'yaml-file', title: 'one file of kubectl get <every resource> -A -o yaml', checks: 'all', holds: ALL, alters: [] },
  { name: 'json-folder', title: 'a folder of kubectl get <resource> -A -o json files', checks: 'sample', holds: ALL, alters: [] },
  {
    name: 'cluster-info-dump',
    title: 'kubectl cluster-info dump --all-namespaces --output-directory',
    checks: 'all',
    holds: CLUSTER_INFO_DUMP_RESOURCES,
    alters: [],
  },
  {
    name: 'support-bundle',
    title: 'a Troubleshoot support bundle (.tar.gz)',
    checks: 'all',
    // Custom resources are collected through their CRDs: the cert-manager Certificates, without one, are not.
    holds: [
      ...Object.keys(SUPPORT_BUNDLE_NAMESPACED),
      ...Object.keys(SUPPORT_BUNDLE_CLUSTER_SCOPED),
      'widgets.example.com',
      'clusterpolicies.policy.example.io',
    ],
    alters: [],
  },
  {
    name: 'must-gather',
    title: 'an OpenShift must-gather',
    checks: 'all',
    holds: [...CATEGORY_ALL, ...MUST_GATHER_NAMESPACED, ...RESOURCES.filter(([, , scope]) => scope === 'Cluster').map(([name]) => name)],
    // oc adm inspect replaces each secret value but certificates by its length.
    alters: ['secrets'],
  },
];

interface Check {
  args: readonly string[];
  /** The resources whose objects decide the output. */
  needs: readonly string[];
  /** Also run with the older kubectl binaries. */
  sample?: boolean;
}

/** Commands compared as they are, where a capture holds everything they read. */
const GETS: readonly Check[] = [
  { args: ['get', 'nodes', '-o', 'wide'], needs: ['nodes'], sample: true },
  { args: ['get', 'pods', '-A', '-o', 'wide'], needs: ['pods'], sample: true },
  { args: ['get', 'crd'], needs: [CRDS], sample: true },
  { args: ['get', 'widgets', '-A', '-o', 'wide'], needs: ['widgets.example.com', CRDS], sample: true },
  { args: ['get', 'widgets.v1beta1.example.com', '-A'], needs: ['widgets.example.com', CRDS] },
];

interface Description {
  /** `TYPE/NAME`, in namespace shop when namespaced. */
  target: string;
  needs: readonly string[];
  sample?: boolean;
}

/**
 * Objects described, all in one `kubectl describe -n shop TYPE/NAME...` per capture (a kubectl process each would
 * double the run time). The Secret has one key: kubectl before 1.34 ranges over a Secret's data map in describe
 * (sorted since kubernetes/kubectl 3a69c5996), so it prints several keys in a different order from run to run,
 * whichever server it asks.
 */
const DESCRIPTIONS: readonly Description[] = [
  { target: 'node/worker-1', needs: ['nodes', 'pods', 'events', 'leases.coordination.k8s.io'] },
  { target: 'pod/payments-6c8d7b9f5-zx9cv', needs: ['pods', 'events'], sample: true },
  { target: 'pod/web-5d9c8b7f6d-q4m7z', needs: ['pods', 'events'] },
  { target: 'deployment/web', needs: ['deployments.apps', 'replicasets.apps', 'events'], sample: true },
  { target: 'service/web', needs: ['services', 'endpoints', 'endpointslices.discovery.k8s.io', 'events'] },
  { target: 'ingress/web', needs: ['ingresses.networking.k8s.io', 'services', 'endpoints', 'endpointslices.discovery.k8s.io', 'events'] },
  { target: 'hpa/web', needs: ['horizontalpodautoscalers.autoscaling', 'events'] },
  { target: 'pvc/data-db-0', needs: ['persistentvolumeclaims', 'pods', 'events'] },
  { target: 'cronjob/report', needs: ['cronjobs.batch', 'jobs.batch', 'events'] },
  { target: 'secret/regcred', needs: ['secrets', 'events'] },
  { target: 'widget/blue-widget', needs: ['widgets.example.com', CRDS, 'events'] },
  { target: 'crd/widgets.example.com', needs: [CRDS, 'events'] },
];

const held = (form: Form, name: string): boolean => form.holds.includes(name);
const applies = (form: Form, check: { needs: readonly string[] }): boolean =>
  check.needs.every((n) => held(form, n)) && !check.needs.some((n) => form.alters.includes(n));

/** Every resource the form holds (all, without a form), as one `kubectl get a,b,c -A`. */
function everythingHeld(form: Form | undefined, ...more: string[]): string[] {
  return ['get', ALL.filter((name) => form === undefined || held(form, name)).join(','), '-A', ...more];
}

/** `get all -A`, or where the capture lacks some of that category's kinds, those it has. */
function getAll(form: Form): string[] {
  const kinds = CATEGORY_ALL.filter((name) => held(form, name));
  return ['get', kinds.length === CATEGORY_ALL.length ? 'all' : kinds.join(','), '-A'];
}

/** `api-resources` as A prints it, less the custom resources the capture holds no object of (nor CRD for). */
function apiResourcesWithout(form: Form, a: string): string {
  const missing = ALL.filter((name) => CUSTOM_GROUPS.some((g) => name.endsWith(`.${g}`)) && !held(form, name));
  return a
    .split('\n')
    .filter(
      (line) => !missing.some((name) => line.startsWith(`${name.slice(0, name.indexOf('.'))} `) && line.includes(` ${name.slice(name.indexOf('.') + 1)}/`)),
    )
    .join('\n');
}

const binaries = kubectlBinariesUnderTest();
const newest = binaries.reduce<KubectlBinary | undefined>((found, b) => (found === undefined || b.minor > found.minor ? b : found), undefined);

/** Long enough for a test whose commands queue behind those of the tests before it. */
const TEST_TIMEOUT_MS = 120_000;

let captureDir: string | undefined;
let captured: CapturedCluster | Error | undefined;

/** The fixture captured by the newest kubectl, from a server of its own, stopped before any comparison starts. */
beforeAll(async () => {
  if (newest === undefined) return; // describeEachKubectl registers the failing test that says so
  captureDir = await mkdtemp(join(tmpdir(), 'kubefacade-captures-'));
  const server = await startE2eServer({ cluster: { file: FIXTURE } });
  const pool = new CommandPool(newest);
  try {
    captured = await captureEveryForm((args) => pool.run(server, args), captureDir, server.now, LEFT_OUT);
  } catch (error: unknown) {
    captured = error instanceof Error ? error : new Error(String(error));
  } finally {
    await pool.settled();
    await server.stop();
  }
}, 240_000);

afterAll(async () => {
  if (captureDir !== undefined) await rm(captureDir, { recursive: true, force: true });
});

function capturedCluster(): CapturedCluster {
  if (captured instanceof Error) throw captured;
  if (captured === undefined) throw new Error('the fixture was not captured');
  return captured;
}

if (newest !== undefined) {
  describe(`every-kind.yaml captured by ${newest.label}`, () => {
    it('takes every listable resource of the fixture, as discovery describes it', () => {
      const found = capturedCluster().resources.map((r) => [r.name, r.kind, r.namespaced ? 'Namespaced' : 'Cluster']);
      expect(found.sort()).toEqual([...RESOURCES].map((row) => [...row]).sort());
    });

    it.each(FORMS.map((form) => [form.title, form] as const))('as %s, holds what that tool collects', (_title, form) => {
      const capture = capturedCluster().captures.get(form.name);
      if (capture instanceof Error) throw capture;
      expect([...(capture?.holds ?? [])].sort()).toEqual([...form.holds].sort());
    });
  });
}

describeEachKubectl('a capture of every kind, served again', (binary) => {
  const full = binary.path === newest?.path;
  const pool = new CommandPool(binary);
  const servedB = new Map<CaptureFormName, E2eServer | Error>();
  let a: E2eServer | undefined;

  const serverA = (): E2eServer => {
    if (a === undefined) throw new Error('server A (every-kind.yaml) is not running');
    return a;
  };
  const serverB = (form: Form): E2eServer => {
    const b = servedB.get(form.name);
    if (b === undefined) throw new Error(`the ${form.name} capture was not served`);
    if (b instanceof Error) throw new Error(`the ${form.name} capture is not served: ${b.message}`);
    return b;
  };
  const both = async (form: Form, args: readonly string[]): Promise<{ a: KubectlResult; b: KubectlResult }> => {
    const b = serverB(form);
    const [resultA, resultB] = await Promise.all([pool.run(serverA(), args), pool.run(b, args)]);
    return { a: resultA, b: resultB };
  };

  const chosen = <T extends { needs: readonly string[]; sample?: boolean }>(form: Form, checks: readonly T[]): T[] =>
    checks.filter((check) => ((full && form.checks === 'all') || check.sample === true) && applies(form, check));
  const describeArgs = (form: Form): string[] => ['describe', '-n', 'shop', ...chosen(form, DESCRIPTIONS).map((d) => d.target)];
  /** Every command this binary runs against A and B (A's tables come from one command holding everything). */
  const commands = (form: Form): { a: string[][]; b: string[][] } => {
    const tables = full ? [everythingHeld(form), everythingHeld(form, '-o', 'wide')] : [];
    const rest = [everythingHeld(form), getAll(form), ['api-resources'], ...chosen(form, GETS).map((check) => [...check.args]), describeArgs(form)];
    return { a: [...(full ? [everythingHeld(undefined), everythingHeld(undefined, '-o', 'wide')] : []), ...rest], b: [...tables, ...rest] };
  };

  beforeAll(async () => {
    a = await startE2eServer({ cluster: { file: FIXTURE } });
    for (const form of FORMS) {
      try {
        const capture = capturedCluster().captures.get(form.name);
        if (capture === undefined || capture instanceof Error) throw capture ?? new Error('not captured');
        servedB.set(form.name, await startE2eServer({ cluster: { file: capture.path } }));
      } catch (error: unknown) {
        servedB.set(form.name, error instanceof Error ? error : new Error(String(error)));
      }
      holdClockAt(a.now); // a server that failed to start gave Date back to the wall clock
    }
    for (const form of FORMS) {
      const b = servedB.get(form.name);
      const { a: argsA, b: argsB } = commands(form);
      for (const args of argsA) void pool.run(serverA(), args);
      if (b !== undefined && !(b instanceof Error)) for (const args of argsB) void pool.run(b, args);
    }
  }, 120_000);

  afterAll(async () => {
    await pool.settled();
    for (const b of servedB.values()) if (!(b instanceof Error)) await b.stop();
    await a?.stop();
  }, 60_000);

  describe.each(FORMS.map((form) => [form.title, form] as const))('captured as %s', (_title, form) => {
    it('is served again', () => {
      const b = servedB.get(form.name);
      expect(b instanceof Error ? b.message : b === undefined ? 'not served' : 'served').toBe('served');
    });

    const tables = RESOURCES.filter(([name]) => held(form, name));
    const inTables = (suffix: readonly string[]) => async (name: string, kind: string) => {
      const [resultA, resultB] = await Promise.all([
        pool.run(serverA(), everythingHeld(undefined, ...suffix)),
        pool.run(serverB(form), everythingHeld(form, ...suffix)),
      ]);
      const group = name.includes('.') ? name.slice(name.indexOf('.') + 1) : '';
      const key = kindPrefix({ kind, group });
      const tableA = tablesByKind(resultA.stdout).get(key);
      expect(tableA).toBeDefined();
      expect(tablesByKind(resultB.stdout).get(key) ?? `(no ${key} table; kubectl printed on stderr: ${resultB.stderr})`).toBe(tableA);
    };
    if (full) {
      const each = it.each(tables.map(([name, kind]) => [name, kind] as const));
      each('kubectl get %s -A prints the table it printed for the cluster captured', inTables([]), TEST_TIMEOUT_MS);
      each('kubectl get %s -A -o wide prints the table it printed for the cluster captured', inTables(['-o', 'wide']), TEST_TIMEOUT_MS);
    }

    it(
      `kubectl get <every resource it holds> -A ${full ? 'warns and exits' : 'prints, warns and exits'} as for the cluster captured`,
      async () => {
        const { a: resultA, b: resultB } = await both(form, everythingHeld(form));
        expect({ exitCode: resultB.exitCode, stderr: resultB.stderr, ...(full ? {} : { stdout: resultB.stdout }) }).toEqual({
          exitCode: resultA.exitCode,
          stderr: resultA.stderr,
          ...(full ? {} : { stdout: resultA.stdout }),
        });
      },
      TEST_TIMEOUT_MS,
    );

    it(
      `kubectl ${getAll(form).join(' ')} prints what it printed for the cluster captured`,
      async () => {
        const { a: resultA, b: resultB } = await both(form, getAll(form));
        expect(resultB).toEqual(resultA);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'kubectl api-resources lists what it listed for the cluster captured, less custom kinds not captured',
      async () => {
        const { a: resultA, b: resultB } = await both(form, ['api-resources']);
        expect(resultB).toEqual({ ...resultA, stdout: apiResourcesWithout(form, resultA.stdout) });
      },
      TEST_TIMEOUT_MS,
    );

    const gets = chosen(form, GETS);
    if (gets.length > 0) {
      it.each(gets.map((check) => [check.args.join(' '), check] as const))(
        'kubectl %s prints what it printed for the cluster captured',
        async (_args, check) => {
          const { a: resultA, b: resultB } = await both(form, check.args);
          expect(resultB).toEqual(resultA);
        },
        TEST_TIMEOUT_MS,
      );
    }

    const described = chosen(form, DESCRIPTIONS);
    if (described.length > 0) {
      it.each(described.map((d, i) => [d.target, i] as const))(
        'kubectl describe %s prints what it printed for the cluster captured',
        async (_target, i) => {
          const { a: resultA, b: resultB } = await both(form, describeArgs(form));
          // A and B are described minutes apart: the ages kubectl works out from its own clock are left out.
          const shownA = descriptions(resultA.stdout).map(withClientAgesMasked);
          expect(shownA).toHaveLength(described.length);
          const shownB = descriptions(resultB.stdout).map(withClientAgesMasked);
          expect(shownB[i] ?? `(not described; kubectl printed on stderr: ${resultB.stderr})`).toBe(shownA[i]);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'kubectl describe -n shop <those objects> warns and exits as for the cluster captured',
        async () => {
          const { a: resultA, b: resultB } = await both(form, describeArgs(form));
          expect({ exitCode: resultB.exitCode, stderr: resultB.stderr }).toEqual({ exitCode: resultA.exitCode, stderr: resultA.stderr });
        },
        TEST_TIMEOUT_MS,
      );
    }
  });
});
