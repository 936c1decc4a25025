import type { ContainerLogContext } from '../log-context.js';
import { mysqld } from '../log-formats.js';
import { every, type LogWriter, type ProcessLogs } from '../log-pattern.js';

const VERSION = '5.7.26';

function innodbTime(us: number): string {
  const iso = new Date(Math.floor(us / 1000)).toISOString();
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
}

/**
 * The official mysql:5.7 image of mid-2019 (docker-library/mysql 5.7 docker-entrypoint.sh): on an empty data
 * directory it initialises the database, runs a temporary server for the root password, then starts mysqld; a
 * restarted container finds its data and starts mysqld at once. Steady: an occasional aborted client connection.
 */
export function mysql(context: ContainerLogContext): ProcessLogs {
  const start = (out: LogWriter, pid: number): void => {
    out.write(
      mysqld(
        'Warning',
        'TIMESTAMP with implicit DEFAULT value is deprecated. Please use --explicit_defaults_for_timestamp server option (see documentation for more details).',
      ),
    );
    out.write(mysqld('Note', `mysqld (mysqld ${VERSION}) starting as process ${pid} ...`));
    out.write(mysqld('Note', 'InnoDB: PUNCH HOLE support available'));
    out.write(mysqld('Note', 'InnoDB: Using Linux native AIO'));
    out.write(mysqld('Note', 'InnoDB: Initializing buffer pool, total size = 128M, instances = 1, chunk size = 128M'));
    out.pause(10, 40);
    out.write(mysqld('Note', 'InnoDB: Completed initialization of buffer pool'));
    out.write(mysqld('Note', 'InnoDB: 5.7.26 started; log sequence number 12659621'));
    out.write(mysqld('Note', "Plugin 'FEDERATED' is disabled."));
    // InnoDB stamps this one itself, ut_sprintf_timestamp's `YYMMDD HH:MM:SS`.
    out.write((us) => mysqld('Note', `InnoDB: Buffer pool(s) load completed at ${innodbTime(us)}`)(us));
  };
  return {
    banner(out) {
      if (context.restartCount === 0) {
        out.plain('Initializing database');
        out.pause(3_000, 6_000);
        out.plain('Database initialized');
        out.plain('Initializing certificates');
        out.pause(500, 1_200);
        out.plain('Certificates initialized');
        out.plain('MySQL init process in progress...');
        out.pause(1_000, 2_000);
        out.plain("Warning: Unable to load '/usr/share/zoneinfo/iso3166.tab' as time zone. Skipping it.");
        out.plain("Warning: Unable to load '/usr/share/zoneinfo/leap-seconds.list' as time zone. Skipping it.");
        out.plain("Warning: Unable to load '/usr/share/zoneinfo/zone.tab' as time zone. Skipping it.");
        out.plain("Warning: Unable to load '/usr/share/zoneinfo/zone1970.tab' as time zone. Skipping it.");
        out.pause(800, 1_500);
        out.plain('');
        out.plain('/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*');
        out.plain('');
        out.pause(1_000, 2_000);
        out.plain('MySQL init process done. Ready for start up.');
        out.plain('');
      }
      start(out, 1);
      out.pause(50, 300);
      out.write(mysqld('Note', "Server hostname (bind-address): '*'; port: 3306"));
      out.write(mysqld('Note', 'IPv6 is available.'));
      out.write(mysqld('Note', "  - '::' resolves to '::';"));
      out.write(mysqld('Note', "Server socket created on IP: '::'."));
      out.write(mysqld('Note', 'Event Scheduler: Loaded 0 events'));
      out.write(mysqld('Note', 'mysqld: ready for connections.'));
      out.plain(`Version: '${VERSION}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)`);
    },
    steady: [
      {
        everyMs: every(8 * 60_000, 45 * 60_000),
        write(out) {
          const connection = out.random.int(3, 90);
          const host = `10.244.${out.random.int(1, 4)}.${out.random.int(2, 20)}`;
          out.write(
            mysqld(
              'Note',
              `Aborted connection ${connection} to db: 'unconnected' user: 'root' host: '${host}' (Got an error reading communication packets)`,
              connection,
            ),
          );
        },
      },
    ],
  };
}
