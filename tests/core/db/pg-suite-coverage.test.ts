// Every test file that sets up a district or a city through the shared sites (sites.district/city, or the
// CLI's upperDbArgs) runs again on PostgreSQL from tests/pg/. A new one left out of tests/pg fails here,
// naming the line to add.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' || e.name === 'pg' ? [] : testFiles(full);
    return e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the PostgreSQL suite', () => {
  it('runs every district and city test file again', () => {
    const upper = testFiles(path.join(ROOT, 'tests'))
      .filter((f) => /sites\.(district|city)\(|upperDbArgs\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(path.join(ROOT, 'tests'), f).replace(/\.ts$/, ''));
    expect(upper.length).toBeGreaterThan(10);
    const pgDir = path.join(ROOT, 'tests/pg');
    const imported = new Set(
      fs
        .readdirSync(pgDir)
        .filter((f) => f.endsWith('.test.ts'))
        .flatMap((f) => [...fs.readFileSync(path.join(pgDir, f), 'utf8').matchAll(/import\('\.\.\/([^']+)'\)/g)].map((m) => m[1])),
    );
    const missing = upper.filter((f) => !imported.has(f));
    expect(missing, `add a file to tests/pg for each: await import('../<path>') after usePostgresForUpperLevels()`).toEqual([]);
  });
});
