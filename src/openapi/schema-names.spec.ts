import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @nestjs/swagger names each schema after its class and keeps the first it meets: two
 * classes of one name would silently share one schema (issue 10: the case list once
 * described with the HR summary's). Every class of a file that uses @nestjs/swagger has a
 * name of its own.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('OpenAPI schema names', () => {
  it('no two classes of the API’s documented code share a name', () => {
    const root = join(__dirname, '..');
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes("from '@nestjs/swagger'")) continue;
      for (const [, name] of text.matchAll(/^(?:export )?(?:abstract )?class (\w+)/gm)) seen.set(name, [...(seen.get(name) ?? []), relative(root, file)]);
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen.entries()].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
