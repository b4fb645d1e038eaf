import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'scratch/', 'src/server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'shared and web code must not import server code' }] }],
    },
  },
  { files: ['src/server/**', 'src/cli/**', 'tests/**', 'bench/**', 'scripts/**', '*.config.ts', '*.config.js'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/server/modules/*/routes.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'drizzle-orm', message: 'routes stay thin: SQL belongs in services' }] }] },
  },
  { files: ['src/web/**'], languageOptions: { globals: { ...globals.browser } } },
);
