// ESLint enforces the architecture of docs/design.md: src/core is pure (no host imports, no host
// globals), only src/gas names Apps Script services, and nothing anywhere evaluates strings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
  'Charts',
  'UrlFetchApp',
  'DriveApp',
];
const NODE_GLOBALS = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'console',
  'setTimeout',
  'setInterval',
  'setImmediate',
];
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'fetch'];

const restrict = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/**', '**/gas', '**/node/**', '**/node'],
              message: 'src/core must not depend on a host (docs/design.md).',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'exceljs',
                'nodemailer',
                'commander',
              ],
              message: 'src/core is pure TypeScript with no dependencies.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...restrict(APPS_SCRIPT_SERVICES, 'only src/gas may use Apps Script services.'),
        ...restrict(NODE_GLOBALS, 'src/core is pure: no Node globals.'),
        ...restrict(BROWSER_GLOBALS, 'src/core is pure: no browser globals.'),
      ],
    },
  },
  {
    files: ['src/node/**/*.ts', 'src/index.ts', 'scripts/**/*.{ts,mjs}', 'bin/**/*.js'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrict(
          APPS_SCRIPT_SERVICES.filter((n) => n !== 'Logger'),
          'only src/gas may use Apps Script services.',
        ),
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/node/**', '**/node', 'node:*'],
              message: 'the Apps Script bundle has no Node dependencies.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
