// Handlers only call services and audit (docs/architecture.md, "The life of one call"): SQL lives in the
// services, where the next reader of a table looks for it. A raw statement slipped into a handler fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HANDLERS = path.resolve(__dirname, '../../src/core/handlers');

describe('the handlers', () => {
  it('prepare no SQL of their own', () => {
    const found: string[] = [];
    for (const file of fs.readdirSync(HANDLERS).filter((f) => f.endsWith('.ts'))) {
      fs.readFileSync(path.join(HANDLERS, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.prepare\(|\.exec\(/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
