import type { ContainerLogContext } from '../log-context.js';
import { redisLog } from '../log-formats.js';
import { every, type ProcessLogs } from '../log-pattern.js';

/**
 * The official redis:5 image (server.c's start-up, without a config file), then RDB saves as the default
 * `save 3600 1` policy triggers (rdb.c, "changes in N seconds").
 */
export function redis(context: ContainerLogContext): ProcessLogs {
  const version = /^\d+\.\d+\.\d+$/.test(context.tag) ? context.tag : '5.0.5';
  return {
    banner(out) {
      out.write(redisLog('C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'));
      out.write(redisLog('C', '#', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`));
      out.write(
        redisLog(
          'C',
          '#',
          'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        ),
      );
      out.write(redisLog('M', '*', 'Running mode=standalone, port=6379.'));
      out.write(
        redisLog('M', '#', 'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.'),
      );
      out.write(redisLog('M', '#', 'Server initialized'));
      out.write(redisLog('M', '*', 'Ready to accept connections'));
    },
    steady: [
      {
        everyMs: every(3_600_000, 3_700_000),
        write(out) {
          out.write(redisLog('M', '*', '1 changes in 3600 seconds. Saving...'));
          out.write(redisLog('M', '*', `Background saving started by pid ${out.random.int(20, 900)}`));
          out.pause(2, 20);
          out.write((us) => redisLog('C', '*', 'DB saved on disk')(us).replace(/^1:/, `${out.random.int(20, 900)}:`));
          out.write(redisLog('M', '*', 'Background saving terminated with success'));
        },
      },
    ],
  };
}
