// Lint rules that keep the process boundary visible (see design.md): core never reaches Electron or the
// DOM, the renderer never reaches Node or core, shared reaches neither.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**', 'src/host/**', 'src/cli/**', 'scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/core/**', 'src/host/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core, host and CLI run under plain Node: never import electron.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '**/renderer/**'], message: 'no UI code outside src/renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'src/shared runs on both sides of the boundary: no Node modules.' })),
          patterns: [
            { group: ['electron', 'better-sqlite3', 'kysely', '**/core/**', '**/renderer/**', '**/main/**'], message: 'src/shared depends on nothing but zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'The renderer talks to the app only through the contract: no Node modules.' })),
          patterns: [
            {
              group: ['electron', 'better-sqlite3', 'kysely', '**/core/**', '**/main/**', '**/host/**', '**/cli/**'],
              message: 'The renderer talks to the app only through the contract (src/shared/api).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
