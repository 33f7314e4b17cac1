// `npm run test:slow`: the fault tests (test/slow/**/*.slow-spec.ts). Not part of `jest` / `npm test`:
// the default config (jest.config.js) does not list this project. Same template database and
// transform as the e2e project.
const { projects } = require('./jest.config.js');

const e2e = projects.find((p) => p.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  projects: [{ ...e2e, displayName: 'slow', testMatch: ['<rootDir>/test/slow/**/*.slow-spec.ts'] }],
  maxWorkers: 1,
  // Read from the top level only (a project's own is ignored); each scenario also sets its own.
  testTimeout: 600_000,
};
