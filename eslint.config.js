// ESLint flat config: typescript-eslint's type-aware rules over src/, test/, bench/ and scripts/.
// Formatting is Prettier's alone: eslint-config-prettier, last, turns off every rule that would argue with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'openapi/', 'fixtures/', 'test/fixtures/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // tsconfig.json covers the TypeScript of src, test, bench and scripts; JavaScript files are linted untyped below.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // verbatimModuleSyntax keeps every import not written `import type`; these write type-only imports so.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Kubernetes vocabulary is string unions (phases, verbs, scopes): a switch without a default names every member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Objects are typed `Wire<V1Kind> & KubeObject`; KubeObject's index signature makes the rule take a cast such as
      // `pod.spec as PodSpec` for a no-op, though without it the field is `{}` (90 findings, none real).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Its findings are String() of JSON and query-string values typed `unknown`, converted on purpose as the
      // API server's codecs convert a scalar; a template literal of an object is still caught by restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      // no-unnecessary-condition is not enabled: objects come from fixtures and captures that their types do not vouch for
      // (a `spec` typed required may be absent), and printers and controllers read them defensively, as kubectl does.
    },
  },
  {
    // supertest's `res.body` and JSON.parse are `any`: tests read responses as they come and assert on them.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
