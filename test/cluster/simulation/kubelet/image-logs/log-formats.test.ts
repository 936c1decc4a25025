import { SeededRandom } from '../../../../../src/cluster/simulation/random.js';
import {
  capnslog,
  corednsLog,
  goLog,
  klog,
  mysqld,
  nginxError,
  nginxTimeLocal,
  redisLog,
  runtimeTimestamp,
  ulogd,
} from '../../../../../src/cluster/simulation/kubelet/image-logs/log-formats.js';

/** 2019-06-01T10:04:05.123456Z, a Saturday, in microseconds. */
const AT = Date.parse('2019-06-01T10:04:05.123Z') * 1000 + 456;

describe('image log formats', () => {
  test.each([
    ['klog (k8s.io/klog formatHeader)', klog('I', 'server.go:146', 'Version: v1.14.2')(AT), 'I0601 10:04:05.123456       1 server.go:146] Version: v1.14.2'],
    ['klog with another severity and pid', klog('W', 'reflector.go:289', 'x', 4242)(AT), 'W0601 10:04:05.123456    4242 reflector.go:289] x'],
    ['capnslog (etcd 3.3)', capnslog('I', 'etcdmain', 'etcd Version: 3.3.10')(AT), '2019-06-01 10:04:05.123456 I | etcdmain: etcd Version: 3.3.10'],
    ['weave', goLog('INFO', 'weave  2.5.2')(AT), 'INFO: 2019/06/01 10:04:05.123456 weave  2.5.2'],
    ['coredns 1.3', corednsLog('INFO', 'CoreDNS-1.3.1')(AT), '2019-06-01T10:04:05.123Z [INFO] CoreDNS-1.3.1'],
    ['nginx access time', nginxTimeLocal(AT), '01/Jun/2019:10:04:05 +0000'],
    ['nginx error log', nginxError('notice', 'start worker processes')(AT), '2019/06/01 10:04:05 [notice] 1#1: start worker processes'],
    ['mysqld 5.7', mysqld('Note', 'mysqld: ready for connections.')(AT), '2019-06-01T10:04:05.123456Z 0 [Note] mysqld: ready for connections.'],
    ['redis 5', redisLog('M', '*', 'Ready to accept connections')(AT), '1:M 01 Jun 2019 10:04:05.123 * Ready to accept connections'],
    ['ulogd', ulogd('ulogd.c:408', "registering plugin `NFLOG'")(AT), "Sat Jun  1 10:04:05 2019 <5> ulogd.c:408 registering plugin `NFLOG'"],
  ])('%s', (_name, line, expected) => {
    expect(line).toBe(expected);
  });

  test('the runtime stamps a line at its microsecond, with nanoseconds after it', () => {
    expect(runtimeTimestamp(AT, new SeededRandom(1))).toMatch(/^2019-06-01T10:04:05\.123456\d{3}Z$/);
  });
});
