// The monthly return and the district exchange in the contract: keys, the return's states and package,
// sending by folder or upload, and the district's receiving, verifying and consolidating.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { ADMINISTRATION, DISTRICT_WORK, RETURN_WORK } from './contract-rules';
import { displayName, language, newPassword, username } from './schemas';
import { RETURN_TABLE_IDS, PERIOD_PATTERN, type ReturnTable, type ReturnTableId } from '../returns/tables';

const period = z.string({ error: 'required' }).trim().regex(PERIOD_PATTERN, { error: 'periodFormat' });
const note = z.string().max(2000, { error: 'tooLong' });
const fileBytes = z.object({ fileName: z.string().trim().min(1, { error: 'required' }).max(260, { error: 'tooLong' }), bytes: z.instanceof(Uint8Array, { error: 'required' }) });
const keyFileText = z.string({ error: 'required' }).min(1, { error: 'required' }).max(20_000, { error: 'tooLong' });
/** A street's division code: 12 digits, or the 9 a clerk often writes (370782001), stored as 370782001000. */
const code12 = z
  .string({ error: 'required' })
  .trim()
  .regex(/^\d{9}(?:\d{3})?$/, { error: 'divisionCodeDigits' })
  .transform((code) => (code.length === 9 ? `${code}000` : code));
const districtCode = z
  .string({ error: 'required' })
  .trim()
  .regex(/^\d{6}(000000)?$/, { error: 'districtCodeDigits' })
  .transform((c) => (c.length === 6 ? `${c}000000` : c));

export const districtSetupInput = z.object({
  district: z.object({ name: z.string().trim().min(2, { error: 'tooShort' }).max(40, { error: 'tooLong' }), code: districtCode }),
  admin: z.object({ username, displayName, password: newPassword }),
  language: language.default('zh-CN'),
});

export const exchangeMethods = {
  'setup.initializeDistrict': { input: districtSetupInput, access: 'public', write: true, ...DISTRICT_WORK },
  'exchange.keys': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'exchange.exportKey': {
    // A district serving over HTTPS names its server certificate (PEM): the key file carries its SHA-256.
    input: z.object({ tlsCert: z.string().max(20_000, { error: 'tooLong' }).regex(/-----BEGIN CERTIFICATE-----/, { error: 'tlsCertInvalid' }).optional() }).strict().default({}),
    access: 'clerk',
    write: true,
    freeze: { none: 'a key file changes no record' },
    scope: { wholeStreet: 'streetKeyIsStreets', field: 'keyFile' },
  },
  'exchange.trustKey': { input: z.object({ keyFile: keyFileText, streetCode: code12.optional(), districtCode: districtCode.optional() }), access: 'admin', write: true, ...ADMINISTRATION },
  'exchange.saveSettings': {
    input: z.object({
      districtUrl: z.string().trim().max(300, { error: 'tooLong' }).regex(/^(https?:\/\/\S+)?$/, { error: 'urlFormat' }),
      uploadToken: z.string().trim().max(200, { error: 'tooLong' }),
      /** Retries of an upload and the first wait between them (doubling each time). */
      uploadAttempts: z.number().int().min(1, { error: 'tooSmall' }).max(20, { error: 'tooBig' }).optional(),
      uploadBaseDelayMs: z.number().int().min(10, { error: 'tooSmall' }).max(60_000, { error: 'tooBig' }).optional(),
    }),
    access: 'admin',
    write: true,
    ...ADMINISTRATION,
  },
  'returns.list': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'returns.get': { input: z.object({ period }), access: 'viewer', write: false },
  'returns.saveNote': { input: z.object({ period, table: z.enum(RETURN_TABLE_IDS, { error: 'notAllowed' }), note }), access: 'clerk', write: true, ...RETURN_WORK },
  'returns.check': { input: z.object({ period }), access: 'clerk', write: true, ...RETURN_WORK },
  'returns.finalize': { input: z.object({ period }), access: 'clerk', write: true, ...RETURN_WORK },
  'returns.reopen': { input: z.object({ period, reason: z.string().trim().min(2, { error: 'tooShort' }).max(500, { error: 'tooLong' }) }), access: 'clerk', write: true, ...RETURN_WORK },
  'returns.build': {
    /**
     * encrypt: to the district key kept (`keys trust`); encryptTo: to the district key file given;
     * unencrypted: the explicit, logged choice to build a package holding personal data without either.
     */
    input: z.object({ period, encrypt: z.boolean().default(false), encryptTo: keyFileText.optional(), unencrypted: z.boolean().default(false) }),
    access: 'clerk',
    write: true,
    ...RETURN_WORK,
  },
  /** Where a package can be written: removable drives first, then fixed drives, then the last folder used. */
  'returns.sendTargets': { input: z.object({}).strict().default({}), access: 'clerk', write: false, scope: { wholeStreet: 'returnIsStreets', field: 'packageId' } },
  'returns.sendToFolder': { input: z.object({ packageId: z.number().int().positive(), folder: z.string().trim().min(1, { error: 'required' }).max(1000) }), access: 'clerk', write: true, freeze: RETURN_WORK.freeze, scope: { wholeStreet: 'returnIsStreets', field: 'packageId' } },
  'returns.upload': { input: z.object({ packageId: z.number().int().positive() }), access: 'clerk', write: true, freeze: RETURN_WORK.freeze, scope: { wholeStreet: 'returnIsStreets', field: 'packageId' } },
  'package.verify': { input: fileBytes, access: 'viewer', write: false },
  'district.streets': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'district.issueToken': { input: z.object({ streetCode: code12 }), access: 'admin', write: true, ...DISTRICT_WORK },
  'district.import': { input: z.object({ files: z.array(fileBytes).min(1, { error: 'required' }).max(500) }), access: 'clerk', write: true, ...DISTRICT_WORK },
  /** Every package in a folder on this PC (the USB stick the streets' packages came on). */
  'district.importFolder': { input: z.object({ folder: z.string().trim().min(1, { error: 'required' }).max(1000) }), access: 'clerk', write: true, ...DISTRICT_WORK },
  /** Where packages may be read from: removable drives first, then fixed drives. */
  'district.sourceFolders': { input: z.object({}).strict().default({}), access: 'clerk', write: false },
  /** The exchange endpoint's call: a street's upload with its token (checked by the handler, not a session). */
  'district.receiveUpload': {
    input: z.object({ streetCode: code12, token: z.string().min(1).max(200), fileName: z.string().min(1).max(260), bytes: z.instanceof(Uint8Array) }),
    access: 'public',
    write: true,
    ...DISTRICT_WORK,
  },
  /**
   * The exchange endpoint's first look at an upload, before its body is read: whether the token is the one
   * this receiver issued to that sender (a street on a district, a district on a city). Only then is the
   * upload counted against the sender's rate.
   */
  'exchange.checkUploadToken': { input: z.object({ senderCode: code12, token: z.string().min(1).max(200) }), access: 'public', write: false },
  'district.packages': { input: z.object({ period: period.optional() }), access: 'viewer', write: false },
  'district.consolidate': { input: z.object({ period }), access: 'viewer', write: false },
  'district.report': { input: z.object({ period }), access: 'viewer', write: false },
} as const satisfies Record<string, MethodSpec>;

/** Where a district's host takes the streets' uploads (see src/host/exchange-endpoint.ts). */
export const EXCHANGE_UPLOAD_PATH = '/exchange/upload';

export type ReturnState = 'draft' | 'checked' | 'finalized';

/** Why a package was refused: stable codes the CLI prints and the UI translates. */
export const PACKAGE_PROBLEMS = [
  'NOT_A_ZIP',
  'TRUNCATED',
  'FILE_MISSING',
  'MANIFEST_INVALID',
  'FORMAT_UNSUPPORTED',
  'HASH_MISMATCH',
  'FILE_NOT_LISTED',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'STREET_NOT_IN_DISTRICT',
  'PERIOD_IN_FUTURE',
  'REPLAY',
  'SEALED_DAMAGED',
  'WRONG_RECIPIENT',
  'DECRYPT_FAILED',
  'SEALED_NO_KEY',
  'WRONG_SENDER',
  // Limits and strictness (src/core/limits.ts, src/core/exchange/package-schema.ts).
  'TOO_LARGE',
  'ENTRY_TOO_LARGE',
  'ENTRY_NAME_INVALID',
  'DATA_INVALID',
  'NOT_A_FILE',
  'AUDIT_NOT_EXTENDED',
  // The city level (issue 13).
  'DISTRICT_NOT_IN_CITY',
  'UNKNOWN_DISTRICT_KEY',
  'NOT_A_DISTRICT_PACKAGE',
  'TOTALS_MISMATCH',
] as const;
export type PackageProblem = (typeof PACKAGE_PROBLEMS)[number];

export interface PackageManifest {
  format: 'streetdesk-return';
  formatVersion: 1;
  street: { code: string; name: string; districtName: string };
  period: string;
  version: number;
  generatedAt: string;
  appVersion: string;
  signer: { alg: 'Ed25519'; keyId: string; publicKey: string };
  counts: Record<string, number>;
  files: { path: string; sha256: string; size: number }[];
  /** The street's audit chain head when built (optional: packages of earlier versions lack it). */
  auditHead?: AuditHeadClaim;
}

/**
 * An anchor the district keeps: the chain's entry count and newest hash; `checkpoints` are the hashes the
 * chain holds now at the counts of the street's earlier packages, so the district sees it only grew.
 */
export interface AuditHeadClaim {
  count: number;
  hash: string;
  checkpoints?: { count: number; hash: string }[];
}

export interface ManifestSummary {
  streetCode: string;
  streetName: string;
  period: string;
  version: number;
  generatedAt: string;
  appVersion: string;
  keyId: string;
  counts: Record<string, number>;
  files: number;
}

export type VerifyOutcome =
  | { ok: true; encrypted: boolean; sha256: string; manifest: ManifestSummary }
  | { ok: false; code: PackageProblem; message: string; file?: string; params?: Record<string, string | number> };

/** What the district signs back for a package it took: the street keeps it as proof of delivery. */
export interface Receipt {
  format: 'streetdesk-receipt';
  districtCode: string;
  districtName: string;
  streetCode: string;
  period: string;
  version: number;
  sha256: string;
  fileName: string;
  outcome: 'accepted' | 'replaced';
  receivedAt: string;
  keyId: string;
}

export interface SignedReceipt {
  receipt: Receipt;
  signature: string;
}

export interface SendTarget {
  path: string;
  /** removable: a USB stick or card; fixed: another drive of this PC; recent: the folder the last package went to. */
  kind: 'removable' | 'fixed' | 'recent';
  /** The drive letter and volume name on Windows, the mount's name elsewhere. */
  label: string;
  freeBytes: number | null;
}

export interface PackageInfo {
  id: number;
  period: string;
  version: number;
  fileName: string;
  sha256: string;
  size: number;
  encrypted: boolean;
  counts: Record<string, number>;
  builtAt: string;
  builtBy: string;
  sentVia: 'folder' | 'upload' | null;
  sentTo: string | null;
  sentAt: string | null;
  receipt: SignedReceipt | null;
  /** Whether the receipt's signature checks out with the district's key (null: no district key kept). */
  receiptVerified: boolean | null;
}

export interface ReturnInfo {
  period: string;
  state: ReturnState;
  version: number;
  /** Computed now (draft / checked) or the frozen figures (finalized). */
  tables: ReturnTable[];
  notes: Partial<Record<ReturnTableId, string>>;
  frozenAt: string | null;
  checkedAt: string | null;
  checkedBy: string | null;
  finalizedAt: string | null;
  finalizedBy: string | null;
  log: { version: number; action: string; reason: string | null; at: string; by: string }[];
  packages: PackageInfo[];
}

export interface ExchangeKeysInfo {
  mode: import('./contract').SiteMode;
  code: string;
  name: string;
  signingKeyId: string | null;
  encryptionKeyId: string | null;
  /** tlsSha256: the district server's certificate the street pins on an https:// upload (null: none given). */
  district: { code: string; name: string; keyId: string; canEncrypt: boolean; tlsSha256: string | null } | null;
  /** On a district: the city whose key file it keeps (packages for the city are sealed to it, uploads pin its certificate). */
  city: { code: string; name: string; keyId: string; canEncrypt: boolean; tlsSha256: string | null } | null;
  /** Where this database uploads to: a street's district, a district's city. */
  districtUrl: string;
  hasUploadToken: boolean;
  uploadAttempts: number;
  uploadBaseDelayMs: number;
}

export interface DistrictStreet {
  code: string;
  name: string;
  keyId: string;
  publicKey: string;
  hasToken: boolean;
  addedAt: string;
  updatedAt: string;
}

export type ImportOutcome =
  | { fileName: string; status: 'accepted' | 'replaced'; streetCode: string; period: string; version: number; replacedVersion?: number; receipt: SignedReceipt }
  | { fileName: string; status: 'duplicate'; streetCode: string; period: string; version: number; receipt: SignedReceipt }
  /** `message` in the language of the user who imported; `params` let another language say it again (the CLI's --lang). */
  | { fileName: string; status: 'rejected'; code: PackageProblem; message: string; file?: string; params?: Record<string, string | number | undefined> };

export interface DistrictPackageRow {
  id: number;
  streetCode: string;
  streetName: string;
  period: string;
  version: number;
  fileName: string;
  sha256: string;
  size: number;
  receivedVia: 'file' | 'upload';
  receivedAt: string;
  receivedBy: string;
  current: boolean;
  counts: Record<string, number>;
}

export interface DistrictRejection {
  id: number;
  at: string;
  fileName: string;
  streetCode: string | null;
  period: string | null;
  version: number | null;
  code: string;
  message: string;
  receivedVia: 'file' | 'upload';
}

export interface Consolidation {
  period: string;
  /** The same tables as a street's return: one row per street (its totals), the district's totals. */
  tables: ReturnTable[];
  streets: { code: string; name: string; version: number | null; receivedAt: string | null; tables: ReturnTable[] | null }[];
  missing: { code: string; name: string }[];
}

export interface ExchangeOutputs {
  'setup.initializeDistrict': import('./contract').SessionInfo & { token: string };
  'exchange.keys': ExchangeKeysInfo;
  'exchange.exportKey': { fileName: string; text: string; keyId: string; tlsSha256: string | null };
  'exchange.trustKey': { code: string; name: string; role: 'street' | 'district' | 'city'; keyId: string; replacedKeyId: string | null; tlsSha256: string | null };
  'exchange.saveSettings': ExchangeKeysInfo;
  'exchange.checkUploadToken': { ok: boolean };
  'returns.sendTargets': SendTarget[];
  'returns.list': { period: string; state: ReturnState; version: number; updatedAt: string }[];
  'returns.get': ReturnInfo;
  'returns.saveNote': ReturnInfo;
  'returns.check': ReturnInfo;
  'returns.finalize': ReturnInfo;
  'returns.reopen': ReturnInfo;
  'returns.build': { package: PackageInfo; bytes: Uint8Array<ArrayBuffer> };
  'returns.sendToFolder': { package: PackageInfo; file: string; verified: ManifestSummary | null };
  'returns.upload': { package: PackageInfo; attempts: number };
  'package.verify': VerifyOutcome;
  'district.streets': DistrictStreet[];
  'district.issueToken': { streetCode: string; token: string };
  'district.import': ImportOutcome[];
  'district.importFolder': ImportOutcome[];
  'district.sourceFolders': SendTarget[];
  'district.receiveUpload': ImportOutcome;
  'district.packages': { packages: DistrictPackageRow[]; rejections: DistrictRejection[] };
  'district.consolidate': Consolidation;
  'district.report': { fileName: string; bytes: Uint8Array<ArrayBuffer> };
}
