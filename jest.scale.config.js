/** @type {import('jest').Config} `npm run test:scale`: many resources, runs killed mid-way. */
module.exports = {
  ...require('./jest.config.js'),
  roots: ['<rootDir>/test/scale'],
  testPathIgnorePatterns: [],
  maxWorkers: 1,
  testTimeout: 60 * 60 * 1000,
};
