// Lint rules after Immich's server/eslint.config.mjs: type-aware, with the promise
// rules that catch lost awaits, a boundary that keeps common/ free of modules, and
// the module order below.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import moduleOrder from './eslint/module-order.mjs';

/**
 * The modules of src/ from the bottom up: a module imports its own layer and the layers below, never one
 * above (a lower module that needs a higher one owns a port the higher one provides, as points does with
 * PURCHASE_CAMPAIGN_BONUSES, PURCHASE_TIER_PROMOTION and PURCHASE_COUPONS). The interfaces on top hold no domain rules.
 */
const MODULE_ORDER = [
  ['common', 'config', 'database', 'queue'],
  ['audit', 'metrics', 'jobs'],
  ['auth', 'program'],
  ['members', 'cards', 'stores'],
  ['points', 'categories'],
  ['tiers', 'clubs', 'value'],
  ['campaigns', 'messages', 'rewards'],
  ['archive', 'privacy', 'analytics'],
  ['admin', 'pos', 'portal', 'web', 'health', 'queue-dashboard'],
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'eslint.config.mjs',
      'eslint/*.mjs',
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
      // Issue 16: query rows are typed once per statement (src/database/sql.ts), so no `any` flows from SQL;
      // the no-unsafe-* rules of recommendedTypeChecked are on (off only where tests allow `any`, below).
      '@typescript-eslint/unbound-method': 'off',
      // Errors and driver values are stringified on purpose when they are logged or shown.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // The entry points and root modules (src/*.ts), the demo loader and the data source's entity list
    // (src/database/entities.ts) wire every module together; they stand outside the order.
    // Unit specs beside the code may reach anywhere to build their inputs, as under common/.
    files: ['src/**/*.ts'],
    ignores: ['src/database/entities.ts', 'src/**/*.spec.ts'],
    plugins: { loyalty: moduleOrder },
    rules: { 'loyalty/module-order': ['error', { layers: MODULE_ORDER, roots: ['demo'] }] },
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
    // Issue 16: SQL only in repositories (*.repository.ts), read models (*.queries.ts) and src/database/.
    // Services and use cases open transactions through Transactions (src/database/transactions.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/**/*.queries.ts', 'src/database/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='query']",
          "CallExpression[callee.property.name='createQueryBuilder']",
          "Decorator[expression.callee.name='InjectDataSource']",
          'ImportDeclaration[source.value=/database\\/sql$/]',
        ].map((selector) => ({
          selector,
          message: 'SQL lives in *.repository.ts (the table owner) or *.queries.ts (a read model), not here (issue 16).',
        })),
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
  {
    // Tests build malformed inputs and read loose answers on purpose (bodies, OpenAPI documents); migrations
    // run once, through QueryRunner's untyped query(). The no-unsafe-* rules hold for the code under src/.
    files: ['test/**/*.ts', '**/*.spec.ts', 'migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
);
