// The direction of imports (DEVELOPERS.md, CONTRIBUTING.md), checked by `npm run deps`:
// bin → main → cli, start-server, cluster; index → start-server; start-server → api, cluster; api → cluster through its index only; src never → test.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'cluster-knows-no-http',
      comment: 'The simulated cluster knows nothing of HTTP, the command line or the process that serves it.',
      severity: 'error',
      from: { path: '^src/cluster/' },
      to: { path: '^src/(api|cli|bin|kubeconfig|tls|credentials)/|^src/(main|index|start-server)\\.ts$' },
    },
    {
      name: 'api-through-cluster-index',
      comment: 'The HTTP facade knows the cluster only through src/cluster/index.ts: never the simulation, the store or the loader inside it.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/cluster/', pathNot: '^src/cluster/index\\.ts$' },
    },
    {
      name: 'api-knows-no-command',
      comment: 'The HTTP facade is built by createApp(cluster, options); the command line and the process are above it.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/(cli|bin)/|^src/(main|index|start-server)\\.ts$' },
    },
    {
      name: 'client-node-only-in-package-api',
      comment:
        'Only the package API (src/index.ts) loads @kubernetes/client-node at run time, for the KubeConfig it hands to test suites: the command line never imports src/index.ts, and the package costs 0.6 s to import. Types from it are free.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '@kubernetes/client-node', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-imports-package-api',
      comment: 'src/index.ts is what a test suite imports; nothing in src does, so the command line stays clear of what it loads.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'only-bin-imports-main',
      comment: 'main.ts is the command run by the executable; the package API is src/index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bin/' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'src-never-imports-test',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'src-never-imports-bench-or-scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|scripts)/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'What src imports is installed with the package: a devDependency would be missing there.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules form a tree: a cycle of imports makes load order matter and hides which idea depends on which.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      comment: 'A cycle closed only by `import type` costs nothing at run time, but still tangles two ideas: move the shared type down.',
      severity: 'warn',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|openapi|fixtures|test/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
