/**
 * The line formats of the images the simulation knows, each stamped with the instant (microseconds since the epoch,
 * UTC: containers run with TZ unset) its process wrote the line.
 */
import { rfc3339Nano } from '../../../meta/index.js';
import type { SeededRandom } from '../../random.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  second: string;
  micros: string;
  date: Date;
}

function parts(us: number): Parts {
  const date = new Date(Math.floor(us / 1000));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: pad(date.getUTCHours()),
    minute: pad(date.getUTCMinutes()),
    second: pad(date.getUTCSeconds()),
    micros: pad(Math.floor(us) % 1_000_000, 6),
    date,
  };
}

export type Format = (us: number) => string;

/** klog's header (k8s.io/klog klog.go formatHeader): `I0601 10:00:00.123456       1 file.go:123] message`. */
export type KlogSeverity = 'I' | 'W' | 'E';
export function klog(severity: KlogSeverity, source: string, message: string, pid = 1): Format {
  return (us) => {
    const t = parts(us);
    return `${severity}${pad(t.month)}${pad(t.day)} ${t.hour}:${t.minute}:${t.second}.${t.micros} ${String(pid).padStart(7)} ${source}] ${message}`;
  };
}

/** etcd 3.3's capnslog (github.com/coreos/pkg/capnslog, PackageLogger over the default formatter). */
export type CapnslogLevel = 'I' | 'N' | 'W' | 'E';
export function capnslog(level: CapnslogLevel, pkg: string, message: string): Format {
  return (us) => {
    const t = parts(us);
    return `${t.year}-${pad(t.month)}-${pad(t.day)} ${t.hour}:${t.minute}:${t.second}.${t.micros} ${level} | ${pkg}: ${message}`;
  };
}

/** Go's log package with Ldate|Ltime|Lmicroseconds behind a level prefix, as weave's common/logging prints. */
export function goLog(prefix: 'INFO' | 'DEBU' | 'WARN' | 'ERRO', message: string): Format {
  return (us) => {
    const t = parts(us);
    return `${prefix}: ${t.year}/${pad(t.month)}/${pad(t.day)} ${t.hour}:${t.minute}:${t.second}.${t.micros} ${message}`;
  };
}

/** CoreDNS 1.3's plugin/pkg/log: RFC 3339 to the millisecond, then the level. */
export function corednsLog(level: 'INFO' | 'WARNING' | 'ERROR', message: string): Format {
  return (us) => `${parts(us).date.toISOString()} [${level}] ${message}`;
}

/** nginx's $time_local for the access log, in UTC: `03/Dec/2026:00:40:53 +0000`. */
export function nginxTimeLocal(us: number): string {
  const t = parts(us);
  return `${pad(t.day)}/${MONTHS[t.month - 1]}/${t.year}:${t.hour}:${t.minute}:${t.second} +0000`;
}

/** nginx's error log (src/core/ngx_log.c): `2026/12/03 00:40:53 [notice] 1#1: message`. */
export function nginxError(level: 'notice' | 'warn' | 'error', message: string): Format {
  return (us) => {
    const t = parts(us);
    return `${t.year}/${pad(t.month)}/${pad(t.day)} ${t.hour}:${t.minute}:${t.second} [${level}] 1#1: ${message}`;
  };
}

/** mysqld 5.7's error log (log_timestamps=UTC): `2019-06-01T10:00:00.123456Z 0 [Note] message`. */
export function mysqld(level: 'Note' | 'Warning' | 'ERROR', message: string, thread = 0): Format {
  return (us) => {
    const t = parts(us);
    return `${t.year}-${pad(t.month)}-${pad(t.day)}T${t.hour}:${t.minute}:${t.second}.${t.micros}Z ${thread} [${level}] ${message}`;
  };
}

/** redis 5's serverLogRaw: `1:M 03 Dec 2026 00:40:53.123 * message` (role letter, level mark). */
export function redisLog(role: 'C' | 'M', mark: '#' | '*' | '.', message: string): Format {
  return (us) => {
    const t = parts(us);
    return `1:${role} ${pad(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${t.hour}:${t.minute}:${t.second}.${t.micros.slice(0, 3)} ${mark} ${message}`;
  };
}

/** ulogd's own log (weave-npc runs ulogd): ctime-like `Sat Jun  1 10:00:00 2019 <5> ulogd.c:408 message`. */
export function ulogd(source: string, message: string): Format {
  return (us) => {
    const t = parts(us);
    return `${DAYS[t.date.getUTCDay()]} ${MONTHS[t.month - 1]} ${String(t.day).padStart(2)} ${t.hour}:${t.minute}:${t.second} ${t.year} <5> ${source} ${message}`;
  };
}

/**
 * The container runtime's timestamp of a line (RFC 3339 with nanoseconds): the microsecond the process wrote it
 * plus the few hundred nanoseconds it took to reach the runtime, so `--timestamps` never precedes the header.
 */
export function runtimeTimestamp(us: number, random: SeededRandom): string {
  return rfc3339Nano(Math.floor(us / 1000), (Math.floor(us) % 1000) * 1000 + random.int(0, 999));
}
