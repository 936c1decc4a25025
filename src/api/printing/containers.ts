/** k/k pkg/printers/internalversion/printers.go layoutContainerCells: names and images joined with `,`. */
export function layoutContainerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}
