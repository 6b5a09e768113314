// Three tiers: unit tests beside the code (src, *.spec.ts, no database); medium tests
// (test/medium, use cases and repositories on the real database, no HTTP); end-to-end
// tests (test/**/*.e2e-spec.ts, the real app over HTTP on real MariaDB and Redis).
const vm = require('node:vm');

// NestJS 12 ships ES modules only; the tests (CommonJS, through ts-jest) require() them, which Jest
// supports only with Node's VM modules (`npm run jest -- <file>`, `npm test` and `npm run test:*` set the flag).
if (typeof vm.SourceTextModule !== 'function') {
  throw new Error(
    'Jest needs Node 24 with --experimental-vm-modules: run `npm run jest -- <args>` (or set ' +
      'NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" for npx jest).',
  );
}

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const onDatabase = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'medium',
      rootDir: '.',
      testMatch: ['<rootDir>/test/medium/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      ...onDatabase,
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      ...onDatabase,
    },
  ],
};
