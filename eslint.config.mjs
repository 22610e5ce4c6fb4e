// ESLint with typescript-eslint (recommended, type-aware where it is cheap). `npm run lint`; CI runs it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', '.tmp/', '.strapi/', 'node_modules/', 'types/generated/', 'public/', 'coverage/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { project: ['./tsconfig.check.json', './src/admin/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Type-aware rules that catch real mistakes without a slow full type-aware preset.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['src/admin/**', 'src/plugins/*/admin/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/**', 'config/**'], ignores: ['src/admin/**', 'src/plugins/*/admin/**'], rules: { 'no-console': 'error' } },
  // Tests read JSON answers as they come; typing every body would only restate the OpenAPI document.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/strapi-server.js'], languageOptions: { globals: { strapi: 'readonly' } } }
);
