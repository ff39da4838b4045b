// Hostile inputs for every reader of outside files (issue 19): rosters (.xlsx and CSV), return packages
// and backups to restore. Each case is a file a careless or malicious sender could hand a clerk; every one
// must be refused with a message (or, for a file that is still a good one, read) — never crash, hang or
// take the PC's memory. Used by the fast subset in tests/core/fuzz and by `npm run fuzz`.
//
// The zips are written here byte by byte (not by a zip library) so a case can lie: a directory that
// under-states a sheet, two entries of one name, a path out of the folder, a bomb that inflates to 1 GB.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import zlib from 'node:zlib';
import { zipFiles, zipPackage, jsonl } from '../../src/core/exchange/package';
import { citizenIdCheckDigit } from '../../src/shared/validators/citizen-id';
import { encodeGbk } from './gbk';

export type Reader = 'roster' | 'csv' | 'package' | 'restore';

export interface HostileCase {
  reader: Reader;
  name: string;
  /** The file name's ending: what the clerk's file claims to be. */
  ext: string;
  /** Makes the file (lazily: some cases take a second and 100 MB to build). */
  make(): Uint8Array;
  /** The problem code (roster) or package problem the refusal must carry, when one is certain. */
  problem?: string;
  /** Takes seconds to read (a million rows): left out of the fast subset in `npm test`. */
  slow?: boolean;
}

// ——— randomness, seeded so a failing case can be made again ———

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function randomBytes(random: () => number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(random() * 256);
  return out;
}

export function truncated(random: () => number, bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, Math.floor(random() * bytes.length));
}

export function flipped(random: () => number, bytes: Uint8Array, flips = 1 + Math.floor(random() * 8)): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < flips; i++) out[Math.floor(random() * out.length)] ^= 1 << Math.floor(random() * 8);
  return out;
}

// ——— a zip written by hand ———

export interface RawEntry {
  name: string;
  /** The bytes as stored (deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The inflated size the directory states (the truth or a lie). */
  size: number;
}

export function deflated(name: string, plain: Uint8Array | string): RawEntry {
  const bytes = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
  return { name, data: zlib.deflateRawSync(bytes), method: 8, crc: zlib.crc32(bytes), size: bytes.length };
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const ZEROS_MB = Buffer.alloc(1024 * 1024, 0x20);
let megabyteOfSpaces: Buffer | null = null;

/**
 * `megabytes` MB of spaces as a real deflate stream, built from one deflated megabyte repeated (each
 * ends on a full flush, so the copies stand alone): a 1 GB bomb is made in milliseconds and 1 MB.
 */
export function spacesBomb(name: string, megabytes: number, statedSize = megabytes * 1024 * 1024): RawEntry {
  megabyteOfSpaces ??= zlib.deflateRawSync(ZEROS_MB, { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    parts.push(megabyteOfSpaces);
    if (megabytes <= 64) crc = zlib.crc32(ZEROS_MB, crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // the final, empty block
  return { name, data: new Uint8Array(Buffer.concat(parts)), method: 8, crc, size: statedSize };
}

// ——— rosters ———

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEADER = ['姓名', '性别', '公民身份号码', '所在党支部', '人员类别', '入党日期', '转正日期'];

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One row of inline-string cells (a number goes as a number; a cell object as it is written). */
export function rowXml(r: number, cells: (string | number | undefined)[]): string {
  const body = cells
    .map((v, i) => {
      if (v === undefined) return '';
      const ref = `${columnLetters(i + 1)}${r}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    })
    .join('');
  return `<row r="${r}">${body}</row>`;
}

export function validId(n: number): string {
  const first17 = `370782${1950 + (n % 20)}0${1 + (n % 9)}${10 + (n % 19)}${String(100 + (n % 800)).padStart(3, '0')}`;
  return first17 + citizenIdCheckDigit(first17);
}

export function memberCells(n: number, branch = '第一党支部'): string[] {
  return ['王' + '伟芳娜秀英'[n % 5] + '明', n % 2 ? '男' : '女', validId(n), branch, '正式党员', '2001-07-01', '2002-07-01'];
}

export interface WorkbookParts {
  sheetXml?: string;
  /** Rows inside <sheetData> (when sheetXml is not given). */
  rows?: string;
  /** After </sheetData>: merges. */
  tail?: string;
  sharedStrings?: string;
  sheets?: number;
  /** Entries added as they are (duplicates, paths, bombs). */
  extra?: RawEntry[];
  /** Replaces the sheet entry (a bomb, a lie). */
  sheetEntry?: RawEntry;
}

export function workbook(parts: WorkbookParts = {}): Uint8Array {
  const sheets = parts.sheets ?? 1;
  const sheetList = Array.from({ length: sheets }, (_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join('');
  const sheetRels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const rows = parts.rows ?? [rowXml(1, HEADER), rowXml(2, memberCells(1)), rowXml(3, memberCells(2))].join('');
  const sheetXml = parts.sheetXml ?? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${parts.tail ?? ''}</worksheet>`;
  const entries: RawEntry[] = [
    deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    deflated('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${sheetRels}</Relationships>`,
    ),
    deflated(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    deflated('xl/sharedStrings.xml', parts.sharedStrings ?? `<?xml version="1.0"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>共享</t></si></sst>`),
    parts.sheetEntry ?? deflated('xl/worksheets/sheet1.xml', sheetXml),
    ...(parts.extra ?? []),
  ];
  return rawZip(entries);
}

const sheetOf = (body: string, tail = '') => `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData>${tail}</worksheet>`;

/** The roster cases the issue names, each made as the tester made it. */
export function namedRosterCases(): HostileCase[] {
  const header = rowXml(1, HEADER);
  const cases: HostileCase[] = [];
  const add = (name: string, make: () => Uint8Array, problem?: string, slow = false) => cases.push({ reader: 'roster', name, ext: 'xlsx', make, problem, slow });
  add('empty file', () => new Uint8Array(0), 'rosterNotXlsx');
  add('html behind .xlsx', () => Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'rosterNotXlsx');
  add('pdf behind .xlsx', () => Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00', 'latin1'), 'rosterNotXlsx');
  add('ole .xls behind .xlsx', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'rosterXlsFormat');
  add('zip without a workbook', () => rawZip([deflated('hello.txt', 'hello')]), 'rosterUnreadable');
  add('bomb by size: a sheet declared and inflating to 1 GB', () => workbook({ sheetEntry: spacesBomb('xl/worksheets/sheet1.xml', 1024) }), 'rosterPartTooLarge');
  add('bomb by ratio: 32 MB of spaces in 32 KB', () => workbook({ sheetEntry: spacesBomb('xl/worksheets/sheet1.xml', 32) }), 'rosterRatioTooHigh');
  add(
    'bomb by total: three sheets of 90 MB each',
    () => workbook({ sheets: 3, sheetEntry: understated('xl/worksheets/sheet1.xml'), extra: [understated('xl/worksheets/sheet2.xml'), understated('xl/worksheets/sheet3.xml')] }),
    'rosterInflatedTooLarge',
  );
  add('directory under-states a sheet: 1 KB stated, 1.1 GB inside', () => workbook({ sheetEntry: spacesBomb('xl/worksheets/sheet1.xml', 1100, 1024) }), 'rosterPartSizeWrong');
  add('path traversal entry', () => workbook({ extra: [deflated('../../evil.xml', '<x/>')] }), 'rosterPartName');
  add('absolute entry name', () => workbook({ extra: [deflated('/etc/passwd', 'x')] }), 'rosterPartName');
  add('backslash entry name', () => workbook({ extra: [deflated('xl\\worksheets\\sheet1.xml', '<x/>')] }), 'rosterPartName');
  add('duplicate sheet entries', () => workbook({ extra: [deflated('xl/worksheets/sheet1.xml', sheetOf(header))] }), 'rosterPartName');
  add('one row at r=99999999', () => workbook({ rows: header + rowXml(99_999_999, memberCells(3)) }), 'rosterCellBeyond');
  add(
    'a cell at XFD1048576 with mergeCell A2:XFD1048576',
    () => workbook({ rows: header + rowXml(2, memberCells(4)) + `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`, tail: '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>' }),
    'rosterCellBeyond',
  );
  add(
    'a merge over 500 columns and 5,000 rows',
    () => workbook({ rows: header + rowXml(2, memberCells(5)) + `<row r="5000"><c r="SF5000" t="inlineStr"><is><t>x</t></is></c></row>`, tail: '<mergeCells count="1"><mergeCell ref="A2:SF5000"/></mergeCells>' }),
    'rosterMergedTooLarge',
  );
  add('1,048,576 declared rows, each with a value', () => workbook({ sheetEntry: deflated('xl/worksheets/sheet1.xml', sheetOf(header + manyRows(2, 1_048_576, true))) }), 'rosterTooManyRows', true);
  add('2,500,000 one-digit cells (100 columns × 25,000 rows)', () => workbook({ sheetEntry: deflated('xl/worksheets/sheet1.xml', sheetOf(header + denseRows(25_001, 100))) }), 'rosterTooManyCells', true);
  add('1,048,575 declared empty rows under the header', () => workbook({ sheetEntry: deflated('xl/worksheets/sheet1.xml', sheetOf(header + manyRows(2, 1_048_576, false))) }), 'rosterNoRows', true);
  add('a cell longer than Excel allows', () => workbook({ rows: header + rowXml(2, ['王' + 'x'.repeat(40_000), '男', validId(6), '第一党支部']) }), 'rosterCellTooLong');
  add('only headers', () => workbook({ rows: header }), 'rosterNoRows');
  add('every row empty', () => workbook({ rows: header + rowXml(2, []) + rowXml(3, ['', '']) }), 'rosterNoRows');
  add('formulas without cached values', () => workbook({ rows: header + `<row r="2"><c r="A2"><f>B1&amp;"x"</f></c><c r="C2"><f>1+1</f></c></row>` }), 'rosterNoRows');
  add('10,000 sheets', () => workbook({ sheets: 10_000 }), 'rosterTooManySheets');
  add('shared-string index out of range', () => workbook({ rows: header + `<row r="2"><c r="A2" t="s"><v>999</v></c></row>` }), 'rosterSharedStringMissing');
  add('a sheet cut short', () => workbook({ sheetXml: sheetOf(header + rowXml(2, memberCells(7))).slice(0, 300) }), 'rosterSheetCutShort');
  add('deep XML: 200,000 nested elements', () => workbook({ rows: header + '<x>'.repeat(200_000) + '</x>'.repeat(200_000) }));
  add(
    'billion laughs',
    () => workbook({
      sheetXml:
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') +
        `]><worksheet xmlns="${NS}"><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>`,
    }),
  );
  add(
    'a huge shared-string table (3,000,000 strings)',
    () => workbook({ sharedStrings: `<sst xmlns="${NS}">${'<si><t>张三李四</t></si>'.repeat(3_000_000)}</sst>` }),
  );
  add(
    'a huge shared-string table of distinct strings (2,400,000, 75 MB), one of them used',
    () => workbook({ rows: header + rowXml(2, [undefined, ...memberCells(9).slice(1)]).replace('<row r="2">', '<row r="2"><c r="A2" t="s"><v>2399999</v></c>'), sharedStrings: distinctSharedStrings(2_400_000) }),
    undefined,
    true,
  );
  add('a date cell holding 1e15', () => workbook({ rows: header + rowXml(2, memberCells(8)).replace('<c r="F2" t="inlineStr"><is><t>2001-07-01</t></is></c>', '<c r="F2" s="1"><v>1e15</v></c>') }));
  return cases;
}

/**
 * A shared-string table of `n` different strings (two CJK characters and a number each): it compresses
 * only some 3×, so no ratio or size limit refuses it, and a reader that parses it whole takes gigabytes.
 */
export function distinctSharedStrings(n: number): string {
  const parts: string[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    parts.push(`<si><t>${String.fromCharCode(0x4e00 + (x % 20000), 0x4e00 + ((x >> 8) % 20000))}${x}</t></si>`);
  }
  return `<sst xmlns="${NS}" count="${n}" uniqueCount="${n}">${parts.join('')}</sst>`;
}

/** 1.1 MB of noise stated as 90 MB: under the ratio limit, so only the sum of the sizes refuses it. */
function understated(name: string): RawEntry {
  const noise = randomBytes(rng(name.length), 1_100_000);
  return { name, data: noise, method: 8, crc: 0, size: 90 * 1024 * 1024 };
}

function denseRows(rows: number, columns: number): string {
  const letters = Array.from({ length: columns }, (_, i) => columnLetters(i + 1));
  const parts: string[] = [];
  for (let r = 2; r <= rows; r++) parts.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>1</v></c>`).join('')}</row>`);
  return parts.join('');
}

function manyRows(from: number, to: number, withValue: boolean): string {
  const parts: string[] = [];
  for (let r = from; r <= to; r++) parts.push(withValue ? `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>王</t></is></c></row>` : `<row r="${r}"/>`);
  return parts.join('');
}

/** A good small roster, the base the random cases spoil. */
export function goodRoster(): Uint8Array {
  return workbook({ rows: [rowXml(1, HEADER), ...Array.from({ length: 20 }, (_, i) => rowXml(i + 2, memberCells(i + 10)))].join('') });
}

// ——— CSV ———

export function goodCsv(): string {
  return [HEADER.join(','), ...Array.from({ length: 10 }, (_, i) => memberCells(i + 40).join(','))].join('\r\n') + '\r\n';
}

export function namedCsvCases(): HostileCase[] {
  const csv = goodCsv();
  const cases: HostileCase[] = [];
  const add = (name: string, make: () => Uint8Array, problem?: string) => cases.push({ reader: 'csv', name, ext: 'csv', make, problem });
  const utf16le = Buffer.from(csv, 'utf16le');
  add('UTF-16LE without its byte order mark', () => utf16le, 'rosterNotXlsx');
  add('UTF-16BE BOM in front of GBK bytes', () => new Uint8Array([0xfe, 0xff, ...encodeGbk(csv)]));
  add('GBK bytes with a UTF-8 BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...encodeGbk(csv)]));
  add('one cell of 2,000,000 characters', () => Buffer.from(`${HEADER.join(',')}\r\n${'王'.repeat(2_000_000)}`), 'rosterCellTooLong');
  add('one line of 2,000,000 characters', () => Buffer.from(`${HEADER.join(',')}\r\n${`${'王'.repeat(30_000)},`.repeat(70)}`), 'csvLineTooLong');
  add('an unmatched quote swallowing 2 MB', () => Buffer.from(`${HEADER.join(',')}\r\n"${'王,男\r\n'.repeat(400_000)}`), 'csvLineTooLong');
  add('a cell beyond column 512', () => Buffer.from(`${HEADER.join(',')}\r\n${memberCells(50).join(',')}${','.repeat(600)}x\r\n`), 'rosterCellBeyond');
  add('only the header', () => Buffer.from(`${HEADER.join(',')}\r\n`), 'rosterNoRows');
  add('only separators', () => Buffer.from(`${HEADER.join(',')}\r\n,,,,,,\r\n,,,,\r\n`), 'rosterNoRows');
  add('NUL bytes inside', () => Buffer.from(`${HEADER.join(',')}\r\n王\0明,男\r\n`), 'rosterNotXlsx');
  add('a zip behind .csv', () => goodRoster());
  return cases;
}

// ——— packages ———

export interface Signer {
  keyId: string;
  publicKey: string;
  sign(bytes: Uint8Array): string;
}

export function makeSigner(): Signer {
  const pair = generateKeyPairSync('ed25519');
  const raw = (pair.publicKey.export({ format: 'jwk' }) as { x: string }).x;
  const keyId = zlib.crc32(raw).toString(16).padStart(8, '0').repeat(2);
  return { keyId, publicKey: raw, sign: (bytes) => sign(null, bytes, pair.privateKey).toString('base64') };
}

export interface PackageSpec {
  members?: unknown[];
  /** Replaces data/members.jsonl's bytes as they are. */
  membersBytes?: Uint8Array;
  counts?: unknown;
  version?: unknown;
  streetCode?: string;
  /** Changes the manifest before it is signed. */
  edit?: (manifest: Record<string, unknown>) => void;
}

const TABLE_LINE = { id: 'membersByCommunity', columns: [{ key: 'members' }], rows: [{ key: 'a', label: '幸福社区', values: { members: 2 } }], total: { members: 2 }, title: '党员分布', note: '' };

/** A package signed by `signer`, malformed as the spec asks (the signature still holds). */
export function signedPackage(signer: Signer, spec: PackageSpec = {}): Uint8Array {
  const members = spec.members ?? [
    { name: '王明', idNumber: validId(1), sex: 1, branch: '第一党支部' },
    { name: '李芳', idNumber: validId(2), sex: 2, branch: '第一党支部' },
  ];
  const files: Record<string, Uint8Array> = {
    'data/members.jsonl': spec.membersBytes ?? jsonl(members),
    'data/changes.jsonl': jsonl([]),
    'data/transfers.jsonl': jsonl([]),
    'data/tables.jsonl': jsonl([TABLE_LINE]),
    'summary.xlsx': goodRoster(),
  };
  const counts = spec.counts !== undefined ? spec.counts : { members: members.length, changes: 0, transfers: 0, tables: 1 };
  const manifest = {
    street: { code: spec.streetCode ?? '370782001000', name: '幸福街道', districtName: '诸城市' },
    period: '2026-10',
    version: (spec.version ?? 1) as number,
    generatedAt: '2026-11-02T01:00:00.000Z',
    appVersion: 'fuzz',
    signer: { alg: 'Ed25519' as const, keyId: signer.keyId, publicKey: signer.publicKey },
    counts: counts as Record<string, number>,
  };
  if (!spec.edit) return zipPackage({ manifest, files, sign: signer.sign }).bytes;
  // An edited manifest: hashed and signed after the edit, so only the content is wrong.
  const full: Record<string, unknown> = {
    format: 'streetdesk-return',
    formatVersion: 1,
    ...manifest,
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.length })),
  };
  spec.edit(full);
  const manifestBytes = Buffer.from(`${JSON.stringify(full, null, 2)}\n`);
  return zipFiles(
    [{ path: 'manifest.json', bytes: manifestBytes, level: 6 }, ...Object.entries(files).map(([path, bytes]) => ({ path, bytes, level: 6 })), { path: 'signature', bytes: Buffer.from(signer.sign(manifestBytes)), level: 6 }],
    new Date(2026, 10, 2),
  );
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Rewrites a package's zip with entries renamed or doubled (the signature stays the street's). */
function rezip(bytes: Uint8Array, change: (entries: RawEntry[]) => RawEntry[]): Uint8Array {
  const entries: RawEntry[] = [];
  const view = Buffer.from(bytes);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = view.readUInt16LE(at + 10) as 0 | 8;
    const crc = view.readUInt32LE(at + 16);
    const compressed = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30);
    const comment = view.readUInt16LE(at + 32);
    const offset = view.readUInt32LE(at + 42);
    const name = view.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = offset + 30 + view.readUInt16LE(offset + 26) + view.readUInt16LE(offset + 28);
    entries.push({ name, method, crc, size, data: view.subarray(start, start + compressed) });
    at += 46 + nameLength + extra + comment;
  }
  return rawZip(change(entries));
}

export function namedPackageCases(): HostileCase[] {
  const signer = makeSigner();
  const good = signedPackage(signer);
  const cases: HostileCase[] = [];
  const add = (name: string, make: () => Uint8Array, problem?: string, ext = 'zip') => cases.push({ reader: 'package', name, ext, make, problem });
  add('empty file', () => new Uint8Array(0), 'NOT_A_ZIP');
  add('an xlsx behind .zip', () => goodRoster(), 'FILE_MISSING');
  add('signed, members.jsonl not JSON', () => signedPackage(signer, { membersBytes: Buffer.from('{"name": "王明", idNumber\n') }), 'DATA_INVALID');
  add('signed, a member line without an ID number', () => signedPackage(signer, { members: [{ name: '王明' }] }), 'DATA_INVALID');
  add('signed, a member line that is an array', () => signedPackage(signer, { membersBytes: Buffer.from('[1,2,3]\n'), counts: { members: 1, changes: 0, transfers: 0, tables: 1 } }), 'DATA_INVALID');
  add('signed, counts: null', () => signedPackage(signer, { counts: null }), 'MANIFEST_INVALID');
  add('signed, counts that do not match the lines', () => signedPackage(signer, { counts: { members: 5, changes: 0, transfers: 0, tables: 1 } }), 'DATA_INVALID');
  add('signed, version 1e308', () => signedPackage(signer, { version: 1e308 }), 'MANIFEST_INVALID');
  add('signed, version -1', () => signedPackage(signer, { version: -1 }), 'MANIFEST_INVALID');
  add('signed, version "2"', () => signedPackage(signer, { version: '2' }), 'MANIFEST_INVALID');
  add('signed, a ../../ file in the manifest', () => signedPackage(signer, { edit: (m) => ((m.files as { path: string }[])[0].path = '../../data/members.jsonl') }), 'MANIFEST_INVALID');
  add('signed, the manifest lists a file twice', () => signedPackage(signer, { edit: (m) => (m.files as unknown[]).push((m.files as unknown[])[0]) }), 'MANIFEST_INVALID');
  add('two data/members.jsonl entries', () => rezip(good, (e) => [...e, deflated('data/members.jsonl', '{"name":"假","idNumber":"1"}\n')]), 'ENTRY_NAME_INVALID');
  add('a ../../ entry beside the files', () => rezip(good, (e) => [...e, deflated('../../evil.txt', 'x')]), 'ENTRY_NAME_INVALID');
  add('an absolute entry', () => rezip(good, (e) => [...e, deflated('/tmp/evil.txt', 'x')]), 'ENTRY_NAME_INVALID');
  add('unsigned bomb: members.jsonl of 1 GB', () => rezip(good, (e) => e.map((x) => (x.name === 'data/members.jsonl' ? spacesBomb(x.name, 1024) : x))), 'ENTRY_TOO_LARGE');
  add('unsigned bomb by ratio: 50 MB of spaces', () => rezip(good, (e) => e.map((x) => (x.name === 'data/members.jsonl' ? spacesBomb(x.name, 50) : x))), 'ENTRY_TOO_LARGE');
  add('directory under-states members.jsonl (stated 100 B, 200 MB inside)', () => rezip(good, (e) => e.map((x) => (x.name === 'data/members.jsonl' ? spacesBomb(x.name, 200, 100) : x))), 'HASH_MISMATCH');
  add('a manifest bomb', () => rezip(good, (e) => e.map((x) => (x.name === 'manifest.json' ? spacesBomb(x.name, 64) : x))), 'ENTRY_TOO_LARGE');
  add('a sealed header with nothing after it', () => Buffer.concat([Buffer.from('SDSEAL01'), Buffer.from([0, 0, 0, 4]), Buffer.from('null')]), undefined, 'zip.sealed');
  return cases;
}

// ——— restore ———

export function namedRestoreCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, make: () => Uint8Array) => cases.push({ reader: 'restore', name, ext: 'db', make });
  add('empty file', () => new Uint8Array(0));
  add('a zip behind .db', () => goodRoster());
  add('SQLite magic then noise', () => new Uint8Array([...Buffer.from('SQLite format 3\0'), ...new Array(4096).fill(0x41)]));
  return cases;
}

/** Random cases of one reader: random bytes, and good files truncated or with bytes flipped. */
export function randomCase(reader: Reader, random: () => number, bases: { roster: Uint8Array; csv: Uint8Array; package: Uint8Array; restore: Uint8Array }): HostileCase {
  const kind = pick(random, ['random', 'truncated', 'flipped', 'flipped', 'truncated+flipped'] as const);
  const base = bases[reader];
  const bytes =
    kind === 'random'
      ? randomBytes(random, 1 + Math.floor(random() * 16_384))
      : kind === 'truncated'
        ? truncated(random, base)
        : kind === 'flipped'
          ? flipped(random, base)
          : flipped(random, truncated(random, base));
  const ext = reader === 'roster' ? 'xlsx' : reader === 'csv' ? 'csv' : reader === 'package' ? 'zip' : 'db';
  return { reader, name: `${kind}`, ext, make: () => bytes };
}
