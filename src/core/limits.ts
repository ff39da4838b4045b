// How much any file handed to StreetDesk may hold: rosters (.xlsx, CSV), return packages (files and
// uploads) and backups to restore. Every reader checks these before and while it reads, so a hostile or
// broken file is refused with the name of the limit instead of taking the clerk's PC down with it.
//
// Sized from real files with a margin (measured 2026-12: the roster written as scripts/bench.ts writes its
// roster, widened to 14 columns; the package and database from seedDemo + seedServiceWork, returns.build):
//   a 100,000-member roster, 14 columns, every cell filled: 10.2 MB .xlsx; its sheet inflates to 53 MB
//     (ratio 6.6), its shared strings to 17 MB (ratio 8.2); the same roster as CSV: 27 MB, longest line 316 B
//   a return package of 100,000 members and 50,000 service requests: 5.8 MB; data/members.jsonl
//     inflates to 53 MB (ratio 9.2); the whole package to 53 MB
//   that street's database: 102 MB

/** A roster file on disk or uploaded (either kind): over twice the largest roster measured (the CSV). */
export const ROSTER_MAX_FILE_BYTES = 64 * 1024 * 1024;
/**
 * One part of a roster workbook once inflated (a sheet, the shared strings): 1.8× the 100,000-member sheet.
 * Not more: the sheet is parsed as text, and a sheet this size already takes a few hundred MB to read.
 */
export const ROSTER_MAX_ENTRY_BYTES = 96 * 1024 * 1024;
/** All parts of a roster workbook inflated, summed as they are read (one sheet at a time is held). */
export const ROSTER_MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Parts in a roster workbook: a few per sheet. */
export const ROSTER_MAX_ENTRIES = 4_000;
/** Sheets a roster workbook may list (a roster has one to a few dozen: one per community or branch). */
export const ROSTER_MAX_SHEETS = 1_000;
/** Rows holding something in one sheet: a street's members, twice over. */
export const ROSTER_MAX_ROWS = 200_000;
/** The highest row number a cell with a value may have (Excel's own last row is 1,048,576). */
export const ROSTER_MAX_ROW_NUMBER = 1_048_576;
/** Columns a roster may use: about 40 member fields, with room for notes columns. */
export const ROSTER_MAX_COLUMNS = 512;
/**
 * Cells holding something in one sheet: 100,000 members with 20 fields each (the measured roster has 14).
 * Rows and columns alone do not bound it (200,000 rows of 512 cells is 100 million), and the cells of the
 * sheet read are all held at once; 5 million one-digit cells took 890 MB to parse before this limit.
 */
export const ROSTER_MAX_CELLS = 2_000_000;
/** Characters in one cell: as much as Excel lets a cell hold. */
export const ROSTER_MAX_CELL_CHARS = 32_767;
/** Cells filled from merged blocks: a branch name merged down over every member of 100,000, ten times. */
export const ROSTER_MAX_MERGED_CELLS = 1_000_000;

/** A CSV roster: the 100,000-member CSV (27 MB) with a wide margin. */
export const CSV_MAX_BYTES = ROSTER_MAX_FILE_BYTES;
/** Characters in one CSV line (a record; a quoted cell may span lines): a whole row of full cells. */
export const CSV_MAX_LINE_CHARS = 1024 * 1024;

/** A return package file or upload (plain or sealed): 11× the 100,000-member package. */
export const PACKAGE_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** One file inside a package once inflated: 3× the 100,000-member records. */
export const PACKAGE_MAX_ENTRY_BYTES = 160 * 1024 * 1024;
/** All files of a package inflated. */
export const PACKAGE_MAX_TOTAL_BYTES = 192 * 1024 * 1024;
/** Files in a package: it holds seven. */
export const PACKAGE_MAX_ENTRIES = 64;
/** One line of a package's data files: a member record is under 1 KB. */
export const PACKAGE_MAX_LINE_CHARS = 64 * 1024;

/**
 * How many times larger than its compressed bytes an entry may inflate. Rosters and records shrink
 * 7–10×; a sheet of near-identical rows some 30×; a zip bomb shrinks 1,000× and more. Small entries
 * are let through whatever their ratio (they cannot hurt), so this only applies past RATIO_FLOOR_BYTES.
 */
export const ZIP_MAX_RATIO = 100;
export const RATIO_FLOOR_BYTES = 8 * 1024 * 1024;

/** A backup to restore: the database of 100,000 members and 50,000 service requests is 102 MB; 20× that. */
export const RESTORE_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** The limits a zip reader applies (one set per kind of file). */
export interface ZipLimits {
  fileBytes: number;
  entries: number;
  entryBytes: number;
  totalBytes: number;
  ratio: number;
  ratioFloor: number;
}

export const ROSTER_ZIP_LIMITS: ZipLimits = {
  fileBytes: ROSTER_MAX_FILE_BYTES,
  entries: ROSTER_MAX_ENTRIES,
  entryBytes: ROSTER_MAX_ENTRY_BYTES,
  totalBytes: ROSTER_MAX_TOTAL_BYTES,
  ratio: ZIP_MAX_RATIO,
  ratioFloor: RATIO_FLOOR_BYTES,
};

export const PACKAGE_ZIP_LIMITS: ZipLimits = {
  fileBytes: PACKAGE_MAX_FILE_BYTES,
  entries: PACKAGE_MAX_ENTRIES,
  entryBytes: PACKAGE_MAX_ENTRY_BYTES,
  totalBytes: PACKAGE_MAX_TOTAL_BYTES,
  ratio: ZIP_MAX_RATIO,
  ratioFloor: RATIO_FLOOR_BYTES,
};

/** Bytes as a clerk reads them: 64 MB, 1.5 GB. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
