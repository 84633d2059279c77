import { fileURLToPath } from 'node:url';

/**
 * Jest settings for an app's browser tests: TypeScript compiled by swc as native ESM, one file at
 * a time per worker (each file starts the whole system of its own). Usage in <app>/e2e/jest.config.js:
 *   export default e2eJestConfig(new URL('.', import.meta.url));
 */
export function e2eJestConfig(folder) {
  return {
    testEnvironment: 'node',
    rootDir: fileURLToPath(folder),
    testMatch: ['<rootDir>/**/*.e2e.ts'],
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } },
      ],
    },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testTimeout: 60000,
    // jest's ESM module registries outlive each file: a worker that grew past this is replaced.
    workerIdleMemoryLimit: '1GB',
  };
}
