import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Three sides: the page (src/lib, src/components, src/*), the workers (src/worker) and what both
// use (src/common). A worker never imports page code, the page never imports worker code (it
// starts a worker by URL), and common code imports only common code. Import circles are refused
// by scripts/check-imports.mjs (type imports too, which import-x/no-cycle lets through).
const PAGE = ['./src/lib/**', './src/components/**', './src/*.ts', './src/*.svelte'];
const SIDES = [
  {
    target: './src/worker/**',
    from: PAGE,
    message: 'Worker code imports only src/worker and src/common.',
  },
  {
    target: './src/common/**',
    from: [...PAGE, './src/worker/**'],
    message: 'Common code (used by the page and the workers) imports only src/common.',
  },
];
const PAGE_NOT_WORKER = {
  target: PAGE,
  from: './src/worker/**',
  message: 'Page code starts a worker by URL; it never imports worker code.',
};

export default ts.config(
  {
    ignores: [
      '.tmp/**',
      'dist/',
      'node_modules/',
      'images/.build/',
      'public/',
      'test-results/',
      'playwright-report/',
      '.exp/',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, __V86_VERSION__: 'readonly' },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...SIDES, PAGE_NOT_WORKER] }] },
  },
  {
    // Unit tests may run a worker's handlers in the test's own thread; page code may not.
    files: ['src/**/*.test.ts', 'src/**/*.testing.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: SIDES }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
);
