/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `npm run test:scale` runs these: thousands of resources each.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scale/'],
  // Engine tests start the real pulumi CLI; two cores, so at most two files at once.
  maxWorkers: 2,
  testTimeout: 180000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
