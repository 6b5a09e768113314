// Lint rules after Immich's server/eslint.config.mjs: type-aware, with the promise
// rules that catch lost awaits, and a boundary that keeps common/ free of modules.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'eslint.config.mjs',
      'jest.config.js',
      'web/src/api/schema.d.ts',
      'web/scripts/*.mjs',
      'test/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // DTOs and query results are typed at their edges; these fire on every TypeORM query() call.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Errors and driver values are stringified on purpose when they are logged or shown.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The web pages (React, browser globals) have their own tsconfig.
    files: ['web/src/**/*.{ts,tsx}', 'web/vite.config.mts'],
    languageOptions: {
      parserOptions: { project: ['./web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The web's types come from the server's OpenAPI document (web/src/api/schema.d.ts): a double cast hides a
      // shape the server does not publish; make the server's DTO precise and run npm run web:api instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as` in web/: take the type from the generated schema (components["schemas"]).',
        },
      ],
    },
  },
  {
    // A console feature's screens call the API through the feature's queries.ts, never the client itself.
    files: ['web/src/console/*/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '../api', message: "Call the API from the feature's queries.ts." }] }],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    ignores: ['src/common/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'common/ is shared by every module and imports none of them.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
