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
