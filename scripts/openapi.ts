/**
 * Writes the OpenAPI document the API serves (/docs-json) to a file, without a database:
 *   node dist/scripts/openapi.js [file]     (default: dist/openapi.json)
 * `npm run lint:openapi` writes it and lints it with Redocly's recommended rules (CI).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { offlineOpenApiDocument } from '../src/openapi/offline-document';

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'dist/openapi.json');
  const document = await offlineOpenApiDocument();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI ${document.openapi}: ${Object.keys(document.paths).length} paths written to ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
