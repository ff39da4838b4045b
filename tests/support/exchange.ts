// Streets and a district for the exchange tests: real databases set up through the contract, streets
// seeded with a demo roll, returns finalized and packages built the way a clerk does it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { StreetDeskApp } from '../../src/core/app';
import { keyIdOf, rawPublicKey } from '../../src/core/exchange/keys';
import { seedDemo } from '../../src/core/services/seed-demo';
import { seedServiceWork } from '../../src/core/services/counter/seed-service';
import type { PackageInfo } from '../../src/shared/api/contract-exchange';
import { ADMIN, makeClock, makeTempDir, type TestClock } from './factory';
import SqliteDatabase from 'better-sqlite3';
import { pgAnchorPath, type Db } from '../../src/core/db/connection';
import { PgDatabase } from '../../src/core/db/pg/database';
import { freshPgUrl, upperLevelsOnPostgres } from './dialect';

async function openUpperApp(dir: string, file: string, now: () => Date): Promise<{ app: StreetDeskApp; dbPath: string; pgUrl?: string }> {
  if (!upperLevelsOnPostgres()) {
    const dbPath = path.join(dir, file);
    return { app: new StreetDeskApp({ dbPath, now, appVersion: '0.1.0' }), dbPath };
  }
  const pgUrl = await freshPgUrl();
  const dbPath = pgAnchorPath(pgUrl, dir);
  return { app: new StreetDeskApp({ dbPath, pgUrl, now, appVersion: '0.1.0' }), dbPath, pgUrl };
}

/** A second connection to a site's database (the test reads what a server wrote), read-only for a file. */
export function openSiteDb(site: Pick<Site, 'dbPath' | 'pgUrl'>): Db {
  return site.pgUrl ? new PgDatabase(site.pgUrl) : new SqliteDatabase(site.dbPath, { readonly: true });
}

/** After the seeded roll's reference day (2026-10-31): the October return is due. */
export const EXCHANGE_START = new Date(2026, 10, 5, 9, 0, 0);
export const PERIOD = '2026-10';
export const DISTRICT = { name: '东城区', code: '110101' } as const;
export const CITY = { name: '北京市', code: '1101' } as const;

export interface Site {
  app: StreetDeskApp;
  dir: string;
  dbPath: string;
  /** Set when the site's database is in PostgreSQL. */
  pgUrl?: string;
  clock: TestClock;
  token: string;
  code: string;
  name: string;
}

export function sitesForEachTest() {
  const open: Site[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) {
      try {
        s.app.close();
      } catch {
        // closed by the test
      }
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  });
  const track = (s: Site) => {
    open.push(s);
    return s;
  };
  return {
    /** A street of the district (`110101<nnn>000`) with `members` seeded members. */
    async street(n: number, members = 60, options: { start?: Date; county?: string; requests?: number } = {}): Promise<Site> {
      const dir = makeTempDir('streetdesk-street-');
      const dbPath = path.join(dir, 'street.db');
      const clock = makeClock(options.start ?? EXCHANGE_START);
      const app = new StreetDeskApp({ dbPath, now: clock.now, appVersion: '0.1.0' });
      const code = `${options.county ?? DISTRICT.code}${String(n).padStart(3, '0')}000`;
      const name = `第${n}街道`;
      const setup = await app.invoke('setup.initialize', { street: { name, code, districtName: DISTRICT.name }, admin: { ...ADMIN } });
      if (members > 0) {
        app.database.transaction(() => {
          seedDemo(app.database, { members, seed: n }, clock.now());
          if (options.requests) seedServiceWork(app.database, { requests: options.requests, seed: n }, clock.now());
        })();
      }
      return track({ app, dir, dbPath, clock, token: setup.token, code, name });
    },
    async district(options: { start?: Date; code?: string; name?: string } = {}): Promise<Site> {
      const dir = makeTempDir('streetdesk-district-');
      const clock = makeClock(options.start ?? EXCHANGE_START);
      const { app, dbPath, pgUrl } = await openUpperApp(dir, 'district.db', clock.now);
      const district = { code: options.code ?? DISTRICT.code, name: options.name ?? DISTRICT.name };
      const setup = await app.invoke('setup.initializeDistrict', { district, admin: { ...ADMIN } });
      return track({ app, dir, dbPath, ...(pgUrl ? { pgUrl } : {}), clock, token: setup.token, code: `${district.code}000000`, name: district.name });
    },
    /** A city (`init --city`), by default 北京市 (1101) above the district 东城区 (110101). */
    async city(options: { start?: Date; code?: string; name?: string } = {}): Promise<Site> {
      const dir = makeTempDir('streetdesk-city-');
      const clock = makeClock(options.start ?? EXCHANGE_START);
      const { app, dbPath, pgUrl } = await openUpperApp(dir, 'city.db', clock.now);
      const city = { code: options.code ?? CITY.code, name: options.name ?? CITY.name };
      const setup = await app.invoke('setup.initializeCity', { city, admin: { ...ADMIN } });
      return track({ app, dir, dbPath, ...(pgUrl ? { pgUrl } : {}), clock, token: setup.token, code: `${city.code}00000000`, name: city.name });
    },
  };
}

/** The street's key file trusted by the district, and the district's key file kept by the street. */
export async function pair(street: Site, district: Site): Promise<void> {
  const streetKey = await street.app.invoke('exchange.exportKey', {}, street.token);
  await district.app.invoke('exchange.trustKey', { keyFile: streetKey.text, streetCode: street.code }, district.token);
  const districtKey = await district.app.invoke('exchange.exportKey', {}, district.token);
  await street.app.invoke('exchange.trustKey', { keyFile: districtKey.text }, street.token);
}

export async function finalize(street: Site, period = PERIOD): Promise<void> {
  await street.app.invoke('returns.check', { period }, street.token);
  await street.app.invoke('returns.finalize', { period }, street.token);
}

export async function buildPackage(street: Site, options: { period?: string; encrypt?: boolean } = {}): Promise<{ package: PackageInfo; bytes: Uint8Array<ArrayBuffer> }> {
  const period = options.period ?? PERIOD;
  const info = await street.app.invoke('returns.get', { period }, street.token);
  if (info.state !== 'finalized') await finalize(street, period);
  return street.app.invoke('returns.build', { period, encrypt: options.encrypt ?? false, unencrypted: !options.encrypt }, street.token);
}

/** A district's public key file made outside any database (for tests that only need to trust one). */
export function districtKeyFileForTest(code: string): string {
  const sign = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
  const enc = rawPublicKey(generateKeyPairSync('x25519').publicKey);
  return JSON.stringify({
    format: 'streetdesk-public-key',
    formatVersion: 1,
    role: 'district',
    code,
    name: '东城区',
    signingKey: { alg: 'Ed25519', keyId: keyIdOf(sign), publicKey: sign },
    encryptionKey: { alg: 'X25519', keyId: keyIdOf(enc), publicKey: enc },
    createdAt: new Date().toISOString(),
  });
}

/** The district's key file trusted by the city (`keys trust --district-code` on a city). */
export async function pairCity(district: Site, city: Site): Promise<void> {
  const key = await district.app.invoke('exchange.exportKey', {}, district.token);
  await city.app.invoke('exchange.trustKey', { keyFile: key.text, districtCode: district.code.slice(0, 6) }, city.token);
}

/** Each street's package built and imported by the district, then the district's package for the city built. */
export async function districtMonth(district: Site, streets: Site[], period = PERIOD) {
  for (const s of streets) {
    const built = await buildPackage(s, { period });
    const [outcome] = await district.app.invoke('district.import', { files: [{ fileName: built.package.fileName, bytes: built.bytes }] }, district.token);
    if (outcome.status !== 'accepted' && outcome.status !== 'replaced') throw new Error(`street package refused: ${JSON.stringify(outcome)}`);
  }
  return district.app.invoke('districtReturn.build', { period }, district.token);
}
