/** API tests: native ESM (NestJS 12 is ESM-only) compiled by swc, against a real PostgreSQL. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { swcrc: true }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  setupFiles: ['<rootDir>/test/worker-database.mjs'],
  // jest's ESM module registries outlive each file: a worker that grew past this is replaced.
  workerIdleMemoryLimit: '1GB',
  testTimeout: 30000,
};
