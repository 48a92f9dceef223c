// Lint: strict type-aware rules, React hooks and TanStack Query habits, and
// the layering rules from ARCHITECTURE.md (imports point down only).
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeAndProviders = [
  { group: ['electron', 'electron/*'], message: 'Only src/main/shell and src/preload may use Electron.' },
  { group: ['node:*'], message: 'This layer runs without Node.' },
  { group: ['@aws-sdk/*', '@smithy/*', '@octokit/*', 'octokit'], message: 'Only src/main/sources talks to providers.' },
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only src/main/shell/ipc.ts and src/preload use raw IPC.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Contract handlers are async by signature even when the answer is at hand.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='sendSync']", message: 'No synchronous IPC.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain Node scripts (the security scan).
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@tanstack/query/exhaustive-deps': 'error',
      '@tanstack/query/stable-query-client': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndProviders,
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks to main only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndProviders,
            {
              group: ['react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'src/shared imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/hub/**/*.ts', 'src/main/web/**/*.ts', 'src/main/sources/**/*.ts', 'src/main/bundle.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'electron-store'], message: 'Only src/main/shell uses Electron.' },
            {
              group: ['**/shell/**', '**/renderer/**', '**/preload/**'],
              message: 'The hub does not depend on the shell or UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'electron-store'], message: 'The simulator runs in plain Node.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'The simulator stands apart from the app.',
            },
            {
              group: ['aws-sdk', 'aws-sdk/*', '@octokit/openapi', '@octokit/openapi/*'],
              message: 'Service models are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**/*.ts', 'src/main/index.ts'],
    ignores: ['src/main/shell/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
);
