import { servicePrinter } from '../../../src/api/printing/service-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

function service(spec: Json, status: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' }, spec, status };
}

const ingress = (...points: Json[]): Json => ({ loadBalancer: { ingress: points } });

describe('the service printer', () => {
  it.each<[string, Json, Json, string]>([
    ['a ClusterIP service without external IPs', { type: 'ClusterIP' }, {}, '<none>'],
    ['a ClusterIP service with external IPs', { type: 'ClusterIP', externalIPs: ['1.2.3.4', '5.6.7.8'] }, {}, '1.2.3.4,5.6.7.8'],
    ['a NodePort service without external IPs', { type: 'NodePort' }, {}, '<none>'],
    ['a NodePort service with external IPs', { type: 'NodePort', externalIPs: ['1.2.3.4'] }, {}, '1.2.3.4'],
    ['a LoadBalancer not yet provisioned', { type: 'LoadBalancer' }, {}, '<pending>'],
    [
      'a LoadBalancer with ingress points (sorted, unique, hostname when no IP)',
      { type: 'LoadBalancer' },
      ingress({ ip: '3.3.3.3' }, { ip: '2.2.2.2', hostname: 'ignored' }, { hostname: 'lb.example.com' }, { ip: '3.3.3.3' }),
      '2.2.2.2,3.3.3.3,lb.example.com',
    ],
    ['a LoadBalancer with ingress and external IPs', { type: 'LoadBalancer', externalIPs: ['9.9.9.9'] }, ingress({ ip: '2.2.2.2' }), '2.2.2.2,9.9.9.9'],
    ['a LoadBalancer with only external IPs', { type: 'LoadBalancer', externalIPs: ['9.9.9.9'] }, {}, '9.9.9.9'],
    [
      'a LoadBalancer with a long list (never clipped: the server prints wide)',
      { type: 'LoadBalancer' },
      ingress({ ip: '10.10.10.10' }, { ip: '10.10.10.11' }),
      '10.10.10.10,10.10.10.11',
    ],
    ['an ExternalName service', { type: 'ExternalName', externalName: 'db.example.com' }, {}, 'db.example.com'],
    ['a service of an unknown type', { type: 'Mystery' }, {}, '<unknown>'],
  ])('shows the external IP of %s', (_name, spec, status, expected) => {
    expect(servicePrinter.cells(service(spec, status), NOW)[3]).toBe(expected);
  });

  it.each<[Json[], string]>([
    [[{ port: 80, protocol: 'TCP' }], '80/TCP'],
    [
      [
        { port: 80, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ],
      '80/TCP,53/UDP',
    ],
    [[{ port: 443, nodePort: 30443, protocol: 'TCP' }], '443:30443/TCP'],
    [[{ port: 8080 }], '8080/TCP'],
    [[], '<none>'],
  ])('renders ports %j as %s', (ports, expected) => {
    expect(servicePrinter.cells(service({ type: 'NodePort', ports }), NOW)[4]).toBe(expected);
  });

  it.each<[Json, string]>([
    [{ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::a'] }, '10.96.0.10'],
    [{ clusterIP: 'None', clusterIPs: ['None'] }, 'None'],
    [{ clusterIP: '10.96.0.11' }, '10.96.0.11'],
    [{}, '<none>'],
  ])('shows cluster IP of %j as %s', (spec, expected) => {
    expect(servicePrinter.cells(service({ type: 'ClusterIP', ...spec }), NOW)[2]).toBe(expected);
  });

  it('prints name, type, age and the sorted selector', () => {
    const cells = servicePrinter.cells(
      service({ type: 'ClusterIP', clusterIPs: ['10.0.0.1'], ports: [{ port: 80, protocol: 'TCP' }], selector: { tier: 'web', app: 'shop' } }),
      NOW,
    );
    expect(cells).toEqual(['web', 'ClusterIP', '10.0.0.1', '<none>', '80/TCP', '60m', 'app=shop,tier=web']);
  });

  it('shows <none> for a service without selector', () => {
    expect(servicePrinter.cells(service({ type: 'ClusterIP' }), NOW)[6]).toBe('<none>');
  });
});
