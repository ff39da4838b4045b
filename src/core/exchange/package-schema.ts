// What a package's manifest and data lines must look like, checked on every package even when its
// signature holds: a signature proves who wrote a package, not that the writer's program was right (or
// that the key was not used to sign something built by hand). A district imports only what parses here.
import { z } from 'zod';
import type { PackageProblem } from '../../shared/api/contract-exchange';
import { RETURN_TABLE_IDS } from '../../shared/returns/tables';
import { unsafeEntryName } from '../bounded-zip';
import { PACKAGE_MAX_ENTRIES, PACKAGE_MAX_ENTRY_BYTES, PACKAGE_MAX_LINE_CHARS } from '../limits';

const text = (max: number) => z.string().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A record's value: what a database column holds. */
const cell = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);
/** No more counts than records of one kind: ten million of anything is no street's. */
const count = z.number().int().min(0).max(10_000_000);

export const manifestSchema = z.object({
  format: z.literal('streetdesk-return'),
  formatVersion: z.literal(1),
  street: z.object({ code: z.string().regex(/^\d{12}$/), name: text(100).min(1), districtName: text(100) }),
  period: z.string().regex(/^[12]\d{3}-(0[1-9]|1[0-2])$/),
  // A version is a small counter (each reopening of the month's return adds one).
  version: z.number().int().min(1).max(9999),
  generatedAt: z.iso.datetime(),
  appVersion: text(100),
  signer: z.object({ alg: z.literal('Ed25519'), keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  counts: z.record(z.string().max(50), count).refine((c) => Object.keys(c).length <= 32),
  files: z
    .array(
      z.object({
        path: z.string().max(200).refine((p) => !unsafeEntryName(p)),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.number().int().min(0).max(PACKAGE_MAX_ENTRY_BYTES),
      }),
    )
    .max(PACKAGE_MAX_ENTRIES)
    .refine((files) => new Set(files.map((f) => f.path)).size === files.length),
});

const record = z.record(z.string().max(50), cell);

const memberLine = record.and(z.object({ name: text(100), idNumber: text(40) }));
const changeLine = record.and(z.object({ change: text(40), onDate: day.nullable() }));
const transferLine = record;
const figures = z.record(z.string().max(60), z.number().finite().nullable());
const tableLine = z.object({
  id: z.enum(RETURN_TABLE_IDS),
  columns: z.array(z.object({ key: text(60), derived: z.object({ num: text(60), den: text(60), kind: z.enum(['percent', 'average']) }).optional() })).max(100),
  rows: z.array(z.object({ key: text(200), label: text(200), values: figures })).max(10_000),
  total: figures,
  title: text(200).optional(),
  note: text(5000).optional(),
});

/**
 * The rule of `record` written out by hand, for the lines that are nearly all of a package: a street's
 * 20,000 member lines took zod 0.3 s of the 0.36 s a district spends importing the package. Only an
 * acceptance is taken from here; a line this refuses is parsed by the schema, which names the field. A
 * property test holds that whatever this accepts the schema accepts (tests/core/exchange/line-check.test.ts).
 */
export function isPlainRecord(value: unknown, required: Record<string, number> = {}): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const row = value as Record<string, unknown>;
  for (const key of Object.keys(row)) {
    if (key.length > 50 || key === '__proto__') return false;
    const v = row[key];
    if (typeof v === 'string') {
      if (v.length > 2000) return false;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
    } else if (v !== null && typeof v !== 'boolean') return false;
  }
  for (const [key, max] of Object.entries(required)) {
    const v = row[key];
    if (typeof v !== 'string' || v.length > max || !Object.hasOwn(row, key)) return false;
  }
  return true;
}

/** The data files a package holds, each line's schema (with its quick acceptance, where there is one) and the manifest count it must match. */
export const DATA_FILES: Record<string, { schema: z.ZodType; accepts?: (value: unknown) => boolean; count: string }> = {
  'data/members.jsonl': { schema: memberLine, accepts: (v) => isPlainRecord(v, { name: 100, idNumber: 40 }), count: 'members' },
  'data/changes.jsonl': { schema: changeLine, count: 'changes' },
  'data/transfers.jsonl': { schema: transferLine, accepts: (v) => isPlainRecord(v), count: 'transfers' },
  'data/tables.jsonl': { schema: tableLine, count: 'tables' },
};

/** The line (1-based) and the field of it that is wrong (`line` for the line as a whole, `counts` for their number). */
export type LineProblem = { line: number; field: string };

/**
 * Checks a data file line by line without decoding it whole (a 50 MB member file is read a line at a time):
 * UTF-8, each line within PACKAGE_MAX_LINE_CHARS, JSON, and the file's schema; and as many lines as the
 * manifest counts. The first problem found, or null.
 */
export function checkDataLines(bytes: Uint8Array, schema: z.ZodType, expected: number | undefined, accepts?: (value: unknown) => boolean): LineProblem | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = lines + 1;
    if (end - start > PACKAGE_MAX_LINE_CHARS * 3) return { line, field: 'line' };
    let value: unknown;
    try {
      const raw = decoder.decode(bytes.subarray(start, end));
      if (raw.trim() === '') return { line, field: 'line' };
      value = JSON.parse(raw);
    } catch {
      return { line, field: 'line' };
    }
    const parsed = accepts?.(value) ? null : schema.safeParse(value);
    if (parsed && !parsed.success) {
      return { line, field: parsed.error.issues[0].path.join('.') || 'line' };
    }
    lines++;
    start = end + 1;
  }
  if (expected !== undefined && lines !== expected) return { line: lines, field: 'counts' };
  return null;
}

/** A kind of signed package: its format's name, its manifest's schema and the data files it must hold. */
export interface PackageKind {
  format: string;
  manifest: z.ZodType;
  dataFiles: Record<string, { schema: z.ZodType; accepts?: (value: unknown) => boolean; count: string }>;
  /** The other level's format, refused with its own problem (a street's package handed to the city). */
  wrongLevel?: { format: string; problem: PackageProblem };
}

export const STREET_PACKAGE: PackageKind = { format: 'streetdesk-return', manifest: manifestSchema, dataFiles: DATA_FILES };

// ——— a district's month for the city (issue 13) ———

export const districtManifestSchema = z.object({
  format: z.literal('streetdesk-district-return'),
  formatVersion: z.literal(1),
  district: z.object({ code: z.string().regex(/^\d{6}000000$/), name: text(100).min(1) }),
  period: z.string().regex(/^[12]\d{3}-(0[1-9]|1[0-2])$/),
  version: z.number().int().min(1).max(9999),
  generatedAt: z.iso.datetime(),
  appVersion: text(100),
  signer: manifestSchema.shape.signer,
  counts: manifestSchema.shape.counts,
  files: manifestSchema.shape.files,
});

/** A street of the district as the district held it: the version it received, or null when it had not sent. */
const streetLine = z.object({
  code: z.string().regex(/^\d{12}$/),
  name: text(100).min(1),
  version: z.number().int().min(1).max(9999).nullable(),
  receivedAt: z.iso.datetime().nullable(),
});
/** One street's table: the rows per community as the street sent them. */
const streetTableLine = tableLine.and(z.object({ streetCode: z.string().regex(/^\d{12}$/) }));

export const DISTRICT_DATA_FILES: Record<string, { schema: z.ZodType; count: string }> = {
  'data/tables.jsonl': { schema: tableLine, count: 'tables' },
  'data/streets.jsonl': { schema: streetLine, count: 'streets' },
  'data/street-tables.jsonl': { schema: streetTableLine, count: 'streetTables' },
};

export const DISTRICT_PACKAGE: PackageKind = {
  format: 'streetdesk-district-return',
  manifest: districtManifestSchema,
  dataFiles: DISTRICT_DATA_FILES,
  wrongLevel: { format: 'streetdesk-return', problem: 'NOT_A_DISTRICT_PACKAGE' },
};
