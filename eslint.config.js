import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const boundary = (patterns) => ['error', { patterns }]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.kryss-dev/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a union type.' },
        { selector: 'ExportAllDeclaration', message: 'Use named exports.' },
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': boundary([
        {
          group: [
            'react',
            'react-dom',
            'electron',
            'node:*',
            'fs',
            'ws',
            '**/electron/**',
            '**/renderer/**',
          ],
          message: 'shared/ is the pure domain: no React, Node IO, sockets or Electron.',
        },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': boundary([
        {
          group: ['electron', 'node:*', '**/electron/**'],
          message: 'The renderer reaches the host only through window.kryss and the sync endpoint.',
        },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        {
          group: ['electron', '**/renderer/**'],
          message: 'The host core is plain Node: it never imports electron.',
        },
      ]),
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'electron',
          property: 'ipcMain',
          message: 'Register IPC through electron/main/ipc.ts.',
        },
        { object: 'electron', property: 'ipcRenderer', message: 'Use window.kryss.' },
      ],
    },
  },
)
