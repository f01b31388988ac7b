/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  // Node's, failing a file that leaves a handle open (test/support/open-handles-environment.js).
  testEnvironment: '<rootDir>/test/support/open-handles-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `npm run test:scale`, `test:chaos` and `test:compat` run these: thousands of resources, faults, kills.
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/scale/',
    '<rootDir>/test/chaos/',
    '<rootDir>/test/compat/',
  ],
  // Engine tests start the real pulumi CLI; two cores, so at most two files at once.
  maxWorkers: 2,
  testTimeout: 180000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
