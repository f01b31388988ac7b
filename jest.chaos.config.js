/** @type {import('jest').Config} `npm run test:chaos`: the soak, faults and kills through the engine. */
module.exports = {
  ...require('./jest.config.js'),
  roots: ['<rootDir>/test/chaos'],
  testPathIgnorePatterns: [],
  maxWorkers: 1,
  testTimeout: 30 * 60 * 1000,
};
