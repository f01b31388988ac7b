/** @type {import('jest').Config} */
// `npm run test:compat` runs this inside .compat/node-<version>/ (see scripts/compat.mjs):
// the engine tests and the upgrade test on the newest Pulumi and a newer Node.js.
module.exports = {
  preset: 'ts-jest',
  // Node's, failing a file that leaves a handle open (test/support/open-handles-environment.js).
  testEnvironment: '<rootDir>/test/support/open-handles-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/compat/**/*.test.ts'],
  maxWorkers: 2,
  testTimeout: 360000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
