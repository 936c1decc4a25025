/**
 * Cutting the output of one kubectl run over many resources or objects into what each would have printed alone.
 *
 * `kubectl get a,b,c -A` prints one table per resource, blank lines between them, each name prefixed with the
 * resource's `kind.group` (`deployment.apps/web`). One such command compares every resource of a capture in two
 * kubectl runs instead of two per resource, and its tables are cut apart here to tell which resource differs.
 * The events table has no NAME column (printers.go printEvent: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE); it is
 * told by its header.
 */
import type { ServedResource } from './served-resources.js';

/** The prefix kubectl gives the names of a resource's objects when it prints several resources: `deployment.apps`. */
export function kindPrefix(resource: Pick<ServedResource, 'kind' | 'group'>): string {
  return resource.group === '' ? resource.kind.toLowerCase() : `${resource.kind.toLowerCase()}.${resource.group}`;
}

/** Each table of the output, keyed by the prefix of the names in its NAME column, with its final newline. */
export function tablesByKind(stdout: string): Map<string, string> {
  const tables = new Map<string, string>();
  for (const table of stdout.split(/\n\n/)) {
    const [header, first] = table.split('\n');
    if (header === undefined || first === undefined) continue;
    if (/\bLAST SEEN\s+TYPE\s+REASON\s+OBJECT\b/.test(header)) {
      tables.set('event', table.endsWith('\n') ? table : `${table}\n`);
      continue;
    }
    const start = header.search(/(^|\s)NAME(\s|$)/);
    const column = start < 0 ? -1 : header.indexOf('NAME', start);
    const name = column < 0 ? '' : (first.slice(column).split(/\s+/)[0] ?? '');
    const slash = name.indexOf('/');
    tables.set(
      slash < 0 ? `(a table without kind/name names, starting ${JSON.stringify(first)})` : name.slice(0, slash),
      table.endsWith('\n') ? table : `${table}\n`,
    );
  }
  return tables;
}

/**
 * `kubectl describe TYPE/NAME TYPE/NAME...` prints each object's description in turn, in the order asked, blank
 * lines between them (kubectl pkg/cmd/describe). Every description starts with its `Name:` line; the fields of a
 * description that are also called Name are indented below their section.
 */
export function descriptions(stdout: string): string[] {
  const starts = [...stdout.matchAll(/^Name:\s/gm)].map((match) => match.index);
  return starts.map((start, i) => stdout.slice(start, starts[i + 1] ?? stdout.length).replace(/\n+$/, '\n'));
}

/** The sections of a description whose rows carry an age kubectl computes, and which column it is. */
const CLIENT_AGE_COLUMNS: Readonly<Record<string, (fields: number) => number>> = {
  // TYPE, REASON, AGE (`2m (x5 over 10m)`), FROM, MESSAGE (describe.go DescribeEvents)
  Events: () => 2,
  // NAMESPACE, NAME, CPU REQUESTS, CPU LIMITS, MEMORY REQUESTS, MEMORY LIMITS, AGE (describe.go describeNodeResource)
  'Non-terminated Pods': (fields) => fields - 1,
};

/**
 * A description with the ages kubectl works out itself masked: each event's (with its `(xN over D)`) and each pod's
 * in a node's list. kubectl describe prints them against the instant it runs, not the server's clock, so the same
 * objects described minutes apart read 2d14h in one and 2d15h in the other once an hour turns between the runs; the
 * timestamps they come from are what the server serves, compared wherever it prints them. Those sections' columns
 * are re-aligned by the width of what they hold, so their rows are compared with single gaps between fields.
 */
export function withClientAgesMasked(description: string): string {
  let section = '';
  return description
    .split('\n')
    .map((line) => {
      if (/^\S/.test(line)) section = line.slice(0, Math.max(0, line.indexOf(':')));
      const column = CLIENT_AGE_COLUMNS[section];
      if (column === undefined || !/^\s/.test(line)) return line;
      const fields = line.trim().split(/\s{2,}/);
      const age = column(fields.length);
      const isRule = fields.every((field) => /^-+$/.test(field));
      const isHeader = fields[age] === 'Age' || fields[age] === 'AGE';
      return `  ${fields.map((field, i) => (i === age && !isRule && !isHeader ? '<age>' : field)).join('  ')}`;
    })
    .join('\n');
}
