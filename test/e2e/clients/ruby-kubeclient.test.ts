/**
 * kubeclient (Ruby, Debian's ruby-kubeclient 4.9) reading every kind of every-kind.yaml: one Kubeclient::Client per
 * group-version the server discovers, `discover` defining its get_<resource> methods, each listed (get_pods,
 * get_deployments, get_widgets, ...). kubeclient.rb prints what it got; it must be what the server holds.
 *
 * The kubeconfig is read as kubeclient reads a real cluster's: the user's token becomes its bearer token, and every
 * request carries it (the server answers 401 to one without it on an address other than loopback).
 */
import { fileURLToPath } from 'node:url';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeWithClient, findInterpreter, lineAfter, records, succeeded, useClientProcesses } from './client-process.js';
import { EVERY_KIND, firstCustomResources, heldObjects, labelOf, listableResources, type ServedResource } from './served-resources.js';

const SCRIPT = fileURLToPath(new URL('./kubeclient.rb', import.meta.url));

const ruby = findInterpreter(['ruby'], ['-e', 'require "kubeclient"; puts Kubeclient::VERSION'], 'apt-get install ruby-kubeclient');

describeWithClient('Ruby kubeclient reading every kind through discovery', ruby, (command) => {
  const server = useE2eServer({ cluster: { file: EVERY_KIND }, anonymousAuth: false });
  const processes = useClientProcesses();
  let stdout = '';
  let listable: ServedResource[] = [];

  beforeAll(async () => {
    const run = await processes.run(command, [SCRIPT, server().kubeconfig], { timeoutMs: 40_000 });
    stdout = succeeded('kubeclient.rb', run);
    listable = await listableResources(server());
  }, 50_000);

  it('is the kubeclient the probe found', () => {
    expect(lineAfter(stdout, 'version')).toBe(ruby.found ? ruby.version : undefined);
  });

  it("takes the kubeconfig's user as it is: its bearer token", () => {
    expect(lineAfter(stdout, 'auth')).toBe('bearer_token');
  });

  it('lists without an error every resource discovery offers for list, through the method discover defined', () => {
    expect(records(stdout, 'listfailed').map((fields) => fields.join(' '))).toEqual([]);
    expect(
      records(stdout, 'list')
        .map(([label]) => label)
        .sort(),
    ).toEqual(listable.map(labelOf).sort());
    const methods = Object.fromEntries(records(stdout, 'list').map(([label, method]) => [label, method]));
    expect(methods).toMatchObject({
      'v1/Pod': 'get_pods',
      'apps/v1/Deployment': 'get_deployments',
      'batch/v1/CronJob': 'get_cron_jobs',
      'networking.k8s.io/v1/NetworkPolicy': 'get_network_policies',
      'example.com/v1/Widget': 'get_widgets',
      'policy.example.io/v1alpha1/ClusterPolicy': 'get_cluster_policies',
      'metrics.k8s.io/v1beta1/NodeMetrics': 'get_nodes',
    });
  });

  it('gets as many objects of each resource as the server holds', () => {
    const got = Object.fromEntries(records(stdout, 'list').map(([label, , count]) => [label, Number(count)]));
    const held = Object.fromEntries(listable.map((resource) => [labelOf(resource), heldObjects(server(), resource).length]));
    expect(got).toEqual(held);
  });

  it('reads each custom resource back by name, in every served version, as the server holds it', () => {
    expect(records(stdout, 'getfailed').map((fields) => fields.join(' '))).toEqual([]);
    const expected = firstCustomResources(server()).map((cr) => [cr.label, cr.key, cr.uid, cr.resourceVersion]);
    expect(expected).toHaveLength(3);
    expect(
      records(stdout, 'get')
        .map(([label, , key, uid, resourceVersion]) => [label, key, uid, resourceVersion])
        .sort(),
    ).toEqual(expected.sort());
  });
});
