// Runs a TypeScript entry point of this repository (default src/main.ts) in a plain Node
// process, compiling each .ts file on load with @swc/core, the same transform as jest's
// (jest.config.js). The fault tests start the API with it as a real child process, always
// from the current sources and independent of the state of dist/.
//   node test/support/run-ts.js [src/main.ts]
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

require(resolve(__dirname, '..', '..', process.argv[2] ?? 'src/main.ts'));
