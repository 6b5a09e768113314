// Three tiers: unit tests beside the code (src, *.spec.ts, no database); medium tests
// (test/medium, use cases and repositories on the real database, no HTTP); end-to-end
// tests (test/**/*.e2e-spec.ts, the real app over HTTP on real MariaDB and Redis).
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
