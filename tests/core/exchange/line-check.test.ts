// The quick acceptance of a package's member and transfer lines (isPlainRecord) must never accept a line
// the schema refuses: a district would then import what the rules say it must not. Checked on values as
// JSON.parse gives them — any JSON, and records shaped like members with hostile keys and values — and
// on the lines of a real street's package, which it must accept (or the quick path is never taken).
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../../src/core/exchange/package-schema';
import { buildPackage, sitesForEachTest } from '../../support/exchange';

const sites = sitesForEachTest();
const quick = Object.entries(DATA_FILES).filter(([, rule]) => rule.accepts);

const cell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 1990, maxLength: 2010 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const key = fc.oneof(
  fc.constantFrom('name', 'idNumber', 'gender', '__proto__', 'constructor', 'toString', ''),
  fc.string({ maxLength: 60 }),
  fc.string({ minLength: 49, maxLength: 52 }),
);
const memberish = fc.dictionary(key, cell, { maxKeys: 8 }).map((d) => JSON.parse(JSON.stringify(d)) as unknown);
const anyJson = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const rawLine = fc
  .array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.constant('1e999'))), { maxLength: 6 })
  .map((pairs) => {
    const body = pairs.map(([k, v]) => `${JSON.stringify(k)}:${v === '1e999' ? '1e999' : JSON.stringify(v)}`).join(',');
    return JSON.parse(`{${body}}`) as unknown;
  });

describe('the quick acceptance of a package’s data lines', () => {
  it('accepts nothing the schema refuses', () => {
    for (const [path, rule] of quick) {
      fc.assert(
        fc.property(fc.oneof(memberish, anyJson, rawLine), (value) => {
          if (rule.accepts!(value)) expect(rule.schema.safeParse(value).success, `${path}: ${JSON.stringify(value)}`).toBe(true);
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('accepts every member line of a real street’s package', async () => {
    const street = await sites.street(1, 40);
    const built = await buildPackage(street);
    const files = unzipSync(built.bytes);
    const lines = new TextDecoder().decode(files['data/members.jsonl']).split('\n').filter(Boolean);
    expect(lines).toHaveLength(40);
    for (const line of lines) expect(DATA_FILES['data/members.jsonl'].accepts!(JSON.parse(line)), line).toBe(true);
  });
});
