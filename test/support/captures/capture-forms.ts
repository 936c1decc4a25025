/**
 * A running cluster captured the five ways people keep one, each into a folder of its own under `dir`: one
 * `kubectl get -o yaml` file, a folder of `-o json` files, a `kubectl cluster-info dump`, a Troubleshoot support
 * bundle (.tar.gz) and an OpenShift must-gather. A form that could not be made is kept as its error, so the
 * others are still compared.
 */
import { join } from 'node:path';
import { type CapturedList, CLUSTER_INFO_DUMP_RESOURCES, captureClusterInfoDump, captureJsonTree, captureOneYamlFile } from './kubectl-captures.js';
import { mustGatherResources, writeMustGather } from './must-gather.js';
import { type Kubectl, listableResources, type ServedResource, succeeded } from './served-resources.js';
import { supportBundleResources, writeSupportBundle } from './support-bundle.js';

export type CaptureFormName = 'yaml-file' | 'json-folder' | 'cluster-info-dump' | 'support-bundle' | 'must-gather';

export interface Capture {
  form: CaptureFormName;
  /** What to serve: a file, a folder or an archive. */
  path: string;
  /** The resources whose objects it holds, named as `kubectl api-resources -o name` names them. */
  holds: string[];
}

export interface CapturedCluster {
  /** The resources captured: every listable one the server serves, less those left out. */
  resources: ServedResource[];
  captures: Map<CaptureFormName, Capture | Error>;
}

async function attempt<T>(make: () => Promise<T>): Promise<T | Error> {
  try {
    return await make();
  } catch (error: unknown) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Captures the cluster `kubectl` reaches. `leftOut` are listable resources no capture should hold (objects the
 * server computes, or another view of objects already captured).
 */
export async function captureEveryForm(kubectl: Kubectl, dir: string, now: Date, leftOut: readonly string[]): Promise<CapturedCluster> {
  const resources = (await listableResources(kubectl)).filter((r) => !leftOut.includes(r.name));
  const names = resources.map((r) => r.name);
  const categoryArgs = ['api-resources', '--categories=all', '-o', 'name'];
  const versionArgs = ['version', '-o', 'json'];
  const [categoryAll, version] = await Promise.all([
    kubectl(categoryArgs).then((result) =>
      succeeded(categoryArgs, result)
        .split('\n')
        .filter((line) => line !== ''),
    ),
    kubectl(versionArgs).then((result) => JSON.parse(succeeded(versionArgs, result)) as { serverVersion: Record<string, unknown> }),
  ]);
  const captures = new Map<CaptureFormName, Capture | Error>();
  const yamlFile = attempt(async (): Promise<Capture> => ({
    form: 'yaml-file',
    path: await captureOneYamlFile(kubectl, resources, join(dir, 'yaml-file')),
    holds: names,
  }));
  const dump = attempt(async (): Promise<Capture> => ({
    form: 'cluster-info-dump',
    path: await captureClusterInfoDump(kubectl, join(dir, 'cluster-info-dump')),
    holds: [...CLUSTER_INFO_DUMP_RESOURCES],
  }));
  const jsonFolder = join(dir, 'json-folder');
  const lists = await attempt(() => captureJsonTree(kubectl, resources, jsonFolder));
  captures.set('json-folder', lists instanceof Error ? lists : { form: 'json-folder', path: jsonFolder, holds: names });
  captures.set(
    'support-bundle',
    await fromLists(lists, async (l) => ({
      form: 'support-bundle',
      path: await writeSupportBundle({ lists: l, resources, serverVersion: version.serverVersion, collectedAt: now }, join(dir, 'support-bundle')),
      holds: supportBundleResources(l),
    })),
  );
  captures.set(
    'must-gather',
    await fromLists(lists, async (l) => ({
      form: 'must-gather',
      path: await writeMustGather({ lists: l, resources, categoryAll, gatheredAt: now }, join(dir, 'must-gather')),
      holds: mustGatherResources({ resources, categoryAll }),
    })),
  );
  captures.set('yaml-file', await yamlFile);
  captures.set('cluster-info-dump', await dump);
  return { resources, captures };
}

/** A form written from the `-o json` lists, or the error that kept them from being captured. */
function fromLists(lists: Map<string, CapturedList> | Error, make: (lists: Map<string, CapturedList>) => Promise<Capture>): Promise<Capture | Error> {
  return lists instanceof Error ? Promise.resolve(lists) : attempt(() => make(lists));
}
