import { endpointSlicePrinter } from '../../../src/api/printing/endpoint-slice-printer.js';
import { endpointsPrinter } from '../../../src/api/printing/endpoints-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

const endpoints = (subsets: Json[] | undefined): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T11:59:00Z' },
  ...(subsets ? { subsets } : {}),
});

const addresses = (...ips: string[]): Json[] => ips.map((ip) => ({ ip }));

describe('the endpoints printer', () => {
  it.each<[string, Json[] | undefined, string]>([
    ['no subsets', undefined, '<none>'],
    ['an empty subset list', [], '<none>'],
    ['one address and port', [{ addresses: addresses('10.0.0.1'), ports: [{ port: 80 }] }], '10.0.0.1:80'],
    [
      'every port of every address, three shown then the rest counted',
      [{ addresses: addresses('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }, { port: 443 }] }],
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
    ],
    [
      'overflow counted across subsets',
      [
        { addresses: addresses('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }] },
        { addresses: addresses('10.0.1.1', '10.0.1.2', '10.0.1.3'), ports: [{ port: 8080 }] },
      ],
      '10.0.0.1:80,10.0.0.2:80,10.0.1.1:8080 + 2 more...',
    ],
    ['exactly three without overflow', [{ addresses: addresses('1.1.1.1', '2.2.2.2', '3.3.3.3'), ports: [{ port: 1 }] }], '1.1.1.1:1,2.2.2.2:1,3.3.3.3:1'],
    ['bare IPs for a subset without ports', [{ addresses: addresses('10.0.0.1', '10.0.0.2') }], '10.0.0.1,10.0.0.2'],
    ['bracketed IPv6 addresses', [{ addresses: addresses('fd00::1'), ports: [{ port: 80 }] }], '[fd00::1]:80'],
    ['nothing for a subset with only not-ready addresses', [{ notReadyAddresses: addresses('10.0.0.9'), ports: [{ port: 80 }] }], ''],
  ])('shows %s', (_name, subsets, expected) => {
    expect(endpointsPrinter.cells(endpoints(subsets), NOW)).toEqual(['web', expected, '60s']);
  });
});

const slice = (ports: Json[] | undefined, endpointList: Json[] | undefined): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abc', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' },
  addressType: 'IPv4',
  ...(ports ? { ports } : {}),
  ...(endpointList ? { endpoints: endpointList } : {}),
});

describe('the endpointslice printer', () => {
  it('prints ports and addresses, three at most', () => {
    const object = slice(
      [{ port: 80, name: 'http' }, { name: 'named' }, {}, { port: 9000 }],
      [{ addresses: ['10.0.0.1', '10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4'] }, { addresses: ['10.0.0.5'] }],
    );
    expect(endpointSlicePrinter.cells(object, NOW)).toEqual(['web-abc', 'IPv4', '80,named,* + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...', '60m']);
  });

  it('shows <unset> for a slice without ports or endpoints', () => {
    expect(endpointSlicePrinter.cells(slice(undefined, undefined), NOW).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
});
