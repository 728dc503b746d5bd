import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/explicit-function-return-type': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
  {
    // The only CommonJS file: the bin shim that loads the built CLI.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // With the types: a promise nobody awaits or catches is a failure nobody hears of (a start-up
    // that threw, a save that failed), and an async function where a void one is expected is one.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The layers of STYLE.md's picture, held by lint: shared is pure, the core runs without
  // Electron and never reaches back into the main process's Electron side, the page and the
  // preload know main only through the contract in shared.
  ...layerRules(),
)

/** `no-restricted-imports` for each layer; a file matched twice takes the last block. */
function layerRules() {
  const electron = {
    name: 'electron',
    message: 'Core and shared code must run without Electron; inject a port instead.',
  }
  const into = (layers, message) => ({ regex: `^(\\.\\./)+(${layers})/`, message })
  const nodeBuiltins = {
    regex: '^(node:|(fs|path|os|crypto|child_process|url|util|stream|events|worker_threads)(/|$))',
    message: 'Shared code runs in the page too: no Node built-ins.',
  }
  const rule = (patterns, paths = []) => ({
    'no-restricted-imports': ['error', { paths, patterns }],
  })
  // From a core file `depth` folders below src/main/core, the path that climbs to src/main
  // itself (index.ts, ipc.ts, window.ts…): the Electron side, which the core must not need.
  const mainSide = (depth) => ({
    regex: `^(\\.\\./){${depth}}(?!\\.\\./)`,
    message: 'The core must not import the main process’s Electron side; inject a port instead.',
  })
  const coreAt = (depth, files) => ({
    files,
    rules: rule(
      [mainSide(depth), into('renderer|preload', 'The core does not know the page.')],
      [electron],
    ),
  })
  return [
    {
      files: ['src/shared/**/*.ts'],
      ignores: ['**/*.test.ts'],
      rules: rule(
        [nodeBuiltins, into('main|renderer|preload', 'Shared code depends on nothing but itself.')],
        [electron],
      ),
    },
    coreAt(1, ['src/main/core/*.ts']),
    coreAt(2, ['src/main/core/*/*.ts']),
    coreAt(3, ['src/main/core/*/*/*.ts']),
    coreAt(4, ['src/main/core/*/*/*/*.ts']),
    {
      // Its tests may check a page module against main's (an essay's round trip through Yjs).
      files: ['src/renderer/**/*.{ts,tsx}'],
      ignores: ['**/*.test.{ts,tsx}'],
      rules: rule(
        [
          nodeBuiltins,
          into('main|preload', 'The page reaches main only through window.commonplace.'),
        ],
        [{ name: 'electron', message: 'The page reaches main only through window.commonplace.' }],
      ),
    },
    {
      files: ['src/preload/**/*.ts'],
      rules: rule([into('main|renderer', 'The preload knows main only through the contract.')]),
    },
  ]
}
