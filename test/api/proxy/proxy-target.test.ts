/** The pieces of a proxy URL the API server reads before it dials: the target's name, and whether its address may be dialed. */
import { isGlobalUnicast } from '../../../src/api/proxy/global-unicast.js';
import { rewriteLocation } from '../../../src/api/proxy/backend-answer.js';
import { splitSchemeNamePort } from '../../../src/api/proxy/proxy-target.js';

describe('scheme:name:port, as SplitSchemeNamePort reads it', () => {
  test.each([
    ['web', { scheme: '', name: 'web', port: '' }],
    ['web:8080', { scheme: '', name: 'web', port: '8080' }],
    ['web:http', { scheme: '', name: 'web', port: 'http' }],
    ['https:web:443', { scheme: 'https', name: 'web', port: '443' }],
    ['http:web:', { scheme: 'http', name: 'web', port: '' }],
  ])('%s → %j', (id, target) => {
    expect(splitSchemeNamePort(id)).toEqual(target);
  });

  test.each(['', ':80', 'ftp:web:21', 'a:b:c:d'])('%j is no target', (id) => {
    expect(splitSchemeNamePort(id)).toBeUndefined();
  });
});

describe('addresses the proxy may dial (net.IP.IsGlobalUnicast)', () => {
  test.each([
    ['10.244.1.2', true],
    ['192.168.0.18', true],
    ['8.8.8.8', true],
    ['2001:db8::1', true],
    ['127.0.0.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['fe80::1', false],
    ['', false],
    ['node1', false],
  ])('%j → %s', (address, allowed) => {
    expect(isGlobalUnicast(address)).toBe(allowed);
  });
});

describe('a backend redirect, as the rewriting transport passes it on', () => {
  const prefix = '/api/v1/nodes/node1/proxy';
  test.each([
    ['/logs/?query=x', '/api/v1/nodes/node1/proxy/logs/?query=x'],
    ['/stats/', '/api/v1/nodes/node1/proxy/stats/'],
    ['pods/', 'pods/'],
    ['../0.log', '../0.log'],
    ['https://example.com/x', 'https://example.com/x'],
    ['/api/v1/nodes/node1/proxy/logs/', '/api/v1/nodes/node1/proxy/logs/'],
  ])('%s → %s', (location, rewritten) => {
    expect(rewriteLocation(location, prefix)).toBe(rewritten);
  });
});
