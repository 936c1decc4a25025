import { ingressClassPrinter } from '../../../src/api/printing/ingress-class-printer.js';
import { ingressPrinter } from '../../../src/api/printing/ingress-printer.js';
import { ipAddressPrinter } from '../../../src/api/printing/ip-address-printer.js';
import { networkPolicyPrinter } from '../../../src/api/printing/network-policy-printer.js';
import { serviceCIDRPrinter } from '../../../src/api/printing/service-cidr-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/** Cases re-expressed from k/k pkg/printers/internalversion/printers_test.go, plus the edges of each cell rule. */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const YEAR = 365 * 24 * 3600 * 1000;

type Json = Record<string, unknown>;

/** A creation time `offset` ms from NOW; upstream's "+1.9s" (a slightly future clock) prints `0s`. */
const createdAt = (offset: number): string => new Date(NOW + offset).toISOString();

const object = (kind: string, fields: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind,
  metadata: { name: 'x', creationTimestamp: createdAt(-300_000), ...metadata },
  ...fields,
});

const rules = (...hosts: string[]): Json[] => hosts.map((host) => (host ? { host } : {}));

describe('the ingress printer', () => {
  it('declares Name, Class, Hosts, Address, Ports and Age', () => {
    expect(ingressPrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Class', 'string', '', 0],
      ['Hosts', 'string', '', 0],
      ['Address', 'string', '', 0],
      ['Ports', 'string', '', 0],
      ['Age', 'string', '', 0],
    ]);
  });

  it('prints the class name, `*` without hosts, the load-balancer IP over its hostname, and port 80', () => {
    const ingress = object(
      'Ingress',
      {
        spec: { ingressClassName: 'foo', defaultBackend: { service: { name: 'default-backend', port: { number: 80 } } } },
        status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } },
      },
      { name: 'test1', creationTimestamp: createdAt(-10 * YEAR) },
    );
    expect(ingressPrinter.cells(ingress, NOW)).toEqual(['test1', 'foo', '*', '2.3.4.5', '80', '10y']);
  });

  it('prints <none> without spec.ingressClassName, even when the class annotation is set', () => {
    expect(ingressPrinter.cells(object('Ingress', { spec: {} }), NOW)[1]).toBe('<none>');
    const annotated = object('Ingress', { spec: {} }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } });
    expect(ingressPrinter.cells(annotated, NOW)[1]).toBe('<none>');
  });

  it.each<[string[], string]>([
    [['a.example'], 'a.example'],
    [['a.example', '', 'b.example'], 'a.example,b.example'],
    [['a', 'b', 'c'], 'a,b,c'],
    [['a', 'b', 'c', 'd', 'e'], 'a,b,c + 2 more...'],
    // Rules without a host still count towards "more" once three hosts are collected.
    [['a', 'b', 'c', ''], 'a,b,c + 1 more...'],
    // An empty-host rule before the third host delays "more" but is counted in N.
    [['', 'a', 'b', 'c', 'd'], 'a,b,c + 2 more...'],
    [['', ''], '*'],
  ])('prints hosts %j as %s', (hosts, expected) => {
    expect(ingressPrinter.cells(object('Ingress', { spec: { rules: rules(...hosts) } }), NOW)[2]).toBe(expected);
  });

  it('prints every load-balancer address, unique and sorted, without clipping', () => {
    const ingress = object('Ingress', {
      status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example.com' }, { ip: '10.0.0.10' }, { ip: '10.0.0.9' }, {}] } },
    });
    expect(ingressPrinter.cells(ingress, NOW)[3]).toBe('10.0.0.10,10.0.0.9,lb.example.com');
    expect(ingressPrinter.cells(object('Ingress', {}), NOW)[3]).toBe('');
  });

  it('prints `80, 443` when the ingress has a TLS section', () => {
    expect(ingressPrinter.cells(object('Ingress', { spec: { tls: [{ hosts: ['a'] }] } }), NOW)[4]).toBe('80, 443');
  });
});

describe('the ingress class printer', () => {
  it.each<[string, Json, string]>([
    ['with params', { controller: 'example.com/controller', parameters: { kind: 'customgroup', name: 'example' } }, 'customgroup/example'],
    [
      'with params and an API group',
      { controller: 'example.com/controller', parameters: { apiGroup: 'example.com', kind: 'customgroup', name: 'example' } },
      'customgroup.example.com/example',
    ],
    ['without params', { controller: 'example.com/controller' }, '<none>'],
    // Upstream tests the pointer, not the text: a present empty group still adds the dot.
    ['with an empty API group', { controller: 'c', parameters: { apiGroup: '', kind: 'K', name: 'n' } }, 'K./n'],
  ])('prints an ingress class %s', (_case, spec, parameters) => {
    const ingressClass = object('IngressClass', { spec }, { name: 'test1', creationTimestamp: createdAt(-10 * YEAR) });
    expect(ingressClassPrinter.cells(ingressClass, NOW)).toEqual(['test1', spec.controller, parameters, '10y']);
  });
});

describe('the network policy printer', () => {
  it.each<[string, Json, string]>([
    ['an empty spec', {}, '<none>'],
    ['an empty pod selector', { podSelector: {} }, '<none>'],
    ['a pod selector', { podSelector: { matchLabels: { foo: 'bar' } } }, 'foo=bar'],
    ['an expression', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] } }, 'tier in (api,web)'],
  ])('prints %s', (_case, spec, selector) => {
    const policy = object('NetworkPolicy', { spec }, { name: 'policy1', creationTimestamp: createdAt(1900) });
    expect(networkPolicyPrinter.cells(policy, NOW)).toEqual(['policy1', selector, '0s']);
  });
});

describe('the IP address printer', () => {
  it('declares two columns but prints three cells, the last one the age', () => {
    const address = object(
      'IPAddress',
      { spec: { parentRef: { group: 'mygroup', resource: 'myresource', namespace: 'mynamespace', name: 'myname' } } },
      { name: '192.168.2.2', creationTimestamp: createdAt(-10 * YEAR) },
    );
    expect(ipAddressPrinter.columns.map((c) => c.name)).toEqual(['Name', 'ParentRef']);
    expect(ipAddressPrinter.cells(address, NOW)).toEqual(['192.168.2.2', 'myresource.mygroup/mynamespace/myname', '10y']);
  });

  it.each<[Json | undefined, string]>([
    [{ group: '', resource: 'services', namespace: 'default', name: 'kubernetes' }, 'services/default/kubernetes'],
    [{ group: 'Example.COM', resource: 'Gateways', name: 'gw' }, 'gateways.example.com/gw'],
    [undefined, '<none>'],
  ])('prints parent %j as %s', (parentRef, expected) => {
    const address = object('IPAddress', { spec: parentRef ? { parentRef } : {} }, { creationTimestamp: undefined });
    expect(ipAddressPrinter.cells(address, NOW)).toEqual(['x', expected, '<unknown>']);
  });
});

describe('the service CIDR printer', () => {
  it.each<[string[], string]>([
    [['10.1.0.0/16'], '10.1.0.0/16'],
    [['fd00:1:1::/64'], 'fd00:1:1::/64'],
    [['10.1.0.0/16', 'fd00:1:1::/64'], '10.1.0.0/16,fd00:1:1::/64'],
  ])('prints CIDRs %j joined with commas', (cidrs, expected) => {
    const cidr = object('ServiceCIDR', { spec: { cidrs } }, { name: 'test1', creationTimestamp: undefined });
    expect(serviceCIDRPrinter.cells(cidr, NOW)).toEqual(['test1', expected, '<unknown>']);
  });
});
