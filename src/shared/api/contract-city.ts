// The city level in the contract (issue 13): a city set up on its own database, the districts' keys it
// trusts, the district's package built for the city from its consolidated month, and the city's receiving,
// verifying and consolidating — districts, each drilling down to its streets.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { CITY_WORK } from './contract-rules';
import { language, newPassword, username, displayName } from './schemas';
import { PERIOD_PATTERN, type ReturnTable } from '../returns/tables';
import type { PackageProblem, SignedReceipt } from './contract-exchange';

const period = z.string({ error: 'required' }).trim().regex(PERIOD_PATTERN, { error: 'periodFormat' });
const fileBytes = z.object({ fileName: z.string().trim().min(1, { error: 'required' }).max(260, { error: 'tooLong' }), bytes: z.instanceof(Uint8Array, { error: 'required' }) });
const keyFileText = z.string({ error: 'required' }).min(1, { error: 'required' }).max(20_000, { error: 'tooLong' });
/** A city's division code: its 4 digits (province + city, 3707), or 12 digits ending in 00000000; kept as 12. */
export const cityCode = z
  .string({ error: 'required' })
  .trim()
  .regex(/^\d{4}(00000000)?$/, { error: 'cityCodeDigits' })
  .refine((c) => c.slice(2, 4) !== '00', { error: 'cityCodeDigits' })
  .transform((c) => (c.length === 4 ? `${c}00000000` : c));

/** A district's division code: its 6 digits (370782) or 12 ending in 000000; kept as 12. */
const districtCode = z
  .string({ error: 'required' })
  .trim()
  .regex(/^\d{6}(000000)?$/, { error: 'districtCodeDigits' })
  .transform((c) => (c.length === 6 ? `${c}000000` : c));

export const citySetupInput = z.object({
  city: z.object({ name: z.string().trim().min(2, { error: 'tooShort' }).max(40, { error: 'tooLong' }), code: cityCode }),
  admin: z.object({ username, displayName, password: newPassword }),
  language: language.default('zh-CN'),
});

export const cityMethods = {
  'setup.initializeCity': { input: citySetupInput, access: 'public', write: true, ...CITY_WORK },
  /** On a district: its month as the city receives it (the consolidated tables and each street's tables), signed. */
  'districtReturn.build': { input: z.object({ period, encryptTo: keyFileText.optional() }), access: 'clerk', write: true, ...CITY_WORK },
  'districtReturn.list': { input: z.object({ period: period.optional() }), access: 'viewer', write: false },
  'districtReturn.sendToFolder': { input: z.object({ packageId: z.number().int().positive(), folder: z.string().trim().min(1, { error: 'required' }).max(1000) }), access: 'clerk', write: true, ...CITY_WORK },
  /** On a district: the latest package for the city uploaded to the city's exchange endpoint, its signed receipt kept. */
  'districtReturn.upload': { input: z.object({ packageId: z.number().int().positive() }), access: 'clerk', write: true, ...CITY_WORK },
  'city.districts': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  /** A new upload token for a district (shown once; only its hash is kept). */
  'city.issueToken': { input: z.object({ districtCode }), access: 'admin', write: true, ...CITY_WORK },
  /** The exchange endpoint's call on a city: a district's upload with its token (checked by the handler, not a session). */
  'city.receiveUpload': {
    input: z.object({ districtCode, token: z.string().min(1).max(200), fileName: z.string().min(1).max(260), bytes: z.instanceof(Uint8Array) }),
    access: 'public',
    write: true,
    ...CITY_WORK,
  },
  'city.import': { input: z.object({ files: z.array(fileBytes).min(1, { error: 'required' }).max(500) }), access: 'clerk', write: true, ...CITY_WORK },
  /** Every package in a folder on this PC (the USB stick the districts' packages came on). */
  'city.importFolder': { input: z.object({ folder: z.string().trim().min(1, { error: 'required' }).max(1000) }), access: 'clerk', write: true, ...CITY_WORK },
  'city.packages': { input: z.object({ period: period.optional() }), access: 'viewer', write: false },
  'city.consolidate': { input: z.object({ period }), access: 'viewer', write: false },
  'city.report': { input: z.object({ period }), access: 'viewer', write: false },
} as const satisfies Record<string, MethodSpec>;

/** The package a district built for its city. */
export interface DistrictReturnInfo {
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
}

/** The manifest of a district's package: as a street's, with the district (and its city) in place of the street. */
export interface DistrictPackageManifest {
  format: 'streetdesk-district-return';
  formatVersion: 1;
  district: { code: string; name: string };
  period: string;
  version: number;
  generatedAt: string;
  appVersion: string;
  signer: { alg: 'Ed25519'; keyId: string; publicKey: string };
  counts: Record<string, number>;
  files: { path: string; sha256: string; size: number }[];
}

export interface CityDistrict {
  code: string;
  name: string;
  keyId: string;
  addedAt: string;
  updatedAt: string;
}

export type CityImportOutcome =
  | { fileName: string; status: 'accepted' | 'replaced' | 'duplicate'; districtCode: string; period: string; version: number; replacedVersion?: number; /** Uploads only: the city's signed receipt. */ receipt?: SignedReceipt }
  | { fileName: string; status: 'rejected'; code: PackageProblem; message: string; file?: string; params?: Record<string, string | number | undefined> };

export interface CityPackageRow {
  id: number;
  districtCode: string;
  districtName: string;
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

export interface CityRejection {
  id: number;
  at: string;
  fileName: string;
  districtCode: string | null;
  period: string | null;
  version: number | null;
  code: string;
  message: string;
  receivedVia: 'file' | 'upload';
}

/** A street's month as its district received it and passed it on to the city. */
export interface CityStreetTables {
  code: string;
  name: string;
  /** The street's version the district held; null: the street had not sent. */
  version: number | null;
  tables: ReturnTable[] | null;
}

export interface CityConsolidation {
  period: string;
  /** One row per district (its totals), the city's totals. */
  tables: ReturnTable[];
  districts: {
    code: string;
    name: string;
    version: number | null;
    receivedAt: string | null;
    /** The district's consolidated tables: one row per street. */
    tables: ReturnTable[] | null;
    streets: CityStreetTables[];
  }[];
  missing: { code: string; name: string }[];
}

export interface CityOutputs {
  'setup.initializeCity': import('./contract').SessionInfo & { token: string };
  'districtReturn.build': { package: DistrictReturnInfo; bytes: Uint8Array<ArrayBuffer> };
  'districtReturn.list': DistrictReturnInfo[];
  'districtReturn.sendToFolder': { package: DistrictReturnInfo; file: string };
  'districtReturn.upload': { package: DistrictReturnInfo; attempts: number; receipt: SignedReceipt; receiptVerified: boolean };
  'city.districts': CityDistrict[];
  'city.issueToken': { districtCode: string; token: string };
  'city.receiveUpload': CityImportOutcome;
  'city.import': CityImportOutcome[];
  'city.importFolder': CityImportOutcome[];
  'city.packages': { packages: CityPackageRow[]; rejections: CityRejection[] };
  'city.consolidate': CityConsolidation;
  'city.report': { fileName: string; bytes: Uint8Array<ArrayBuffer> };
}
