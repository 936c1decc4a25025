import { subjectAltNamesFor } from '../../src/tls/subject-alt-names.js';

describe('the names a serving certificate covers', () => {
  it.each([
    ['127.0.0.1', ['localhost'], ['127.0.0.1', '::1']],
    ['::1', ['localhost'], ['127.0.0.1', '::1']],
    ['localhost', ['localhost'], ['127.0.0.1', '::1']],
    ['0.0.0.0', ['localhost'], ['127.0.0.1', '::1']],
    ['::', ['localhost'], ['127.0.0.1', '::1']],
    ['192.168.1.20', ['localhost'], ['127.0.0.1', '::1', '192.168.1.20']],
    ['fd00::20', ['localhost'], ['127.0.0.1', '::1', 'fd00::20']],
    ['[fd00::20]', ['localhost'], ['127.0.0.1', '::1', 'fd00::20']],
    ['Talk-Laptop.local', ['localhost', 'talk-laptop.local'], ['127.0.0.1', '::1']],
  ])('serving on %s covers DNS names %j and IPs %j', (host, dnsNames, ipAddresses) => {
    expect(subjectAltNamesFor(host)).toEqual({ dnsNames, ipAddresses });
  });
});
