'use strict';
// A render thread of PdfRenderer (pdf-renderer.service.ts): piscina loads this file in each
// worker thread and calls the exported function with a PdfDocumentModel; it answers the PDF
// bytes. Plain JavaScript, so that a worker can load it both from dist/ (the build copies it
// there, nest-cli.json "assets", next to the compiled render-pdf.js) and from the TypeScript
// sources under jest, where nothing compiles for a worker thread: then .ts files are compiled
// on load with @swc/core, the same transform as jest's (as test/support/run-ts.js does).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

if (!existsSync(join(__dirname, 'render-pdf.js')) && !require.extensions['.ts']) {
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
    module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
  };
}

const { renderPdf } = require('./render-pdf');

/** @param {import('./document-model').PdfDocumentModel} model @returns {Promise<Uint8Array>} */
module.exports = async function render(model) {
  const pdf = await renderPdf(model);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
};
