// A district uploads its month to the city over HTTPS, as a street uploads to its district: the city's host
// listens on 0.0.0.0 (reached here through 127.0.0.1) with a self-signed certificate, the city's key file
// carries the certificate's fingerprint, and the district keeps that file once (`keys trust`): its package
// is then sealed to the city without naming the key again, and the upload pins the certificate. A server
// with another certificate is refused before any byte is sent; a wrong token is refused; the city answers
// with its signed receipt, the same one again for the same file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/host/server';
import { certificateNames, ensureServerCertificate, type ServerCertificate } from '../../../src/host/tls';
import { verifyBytes } from '../../../src/core/exchange/keys';
import { count, expectError, makeTempDir } from '../../support/factory';
import { districtMonth, openSiteDb, pair, pairCity, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();
const WORKER_URL = new URL('../../../src/core/worker/tsx-worker.mjs', import.meta.url);
const hosts: RunningHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function serveCity(site: Site, cert: ServerCertificate): Promise<RunningHost> {
  const renderer = makeTempDir('streetdesk-city-tls-');
  dirs.push(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  const host = await startHost({ dbPath: site.dbPath, ...(site.pgUrl ? { pgUrl: site.pgUrl } : {}), port: 0, listen: '0.0.0.0', tls: cert, shutdownWaitMs: 200, rendererDir: renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, city: true });
  hosts.push(host);
  return host;
}

function cityCounts(site: Site) {
  const db = openSiteDb(site);
  try {
    const entry = db.prepare("SELECT username, entity, before, after FROM audit_log WHERE action = 'city.receiveUpload'").all() as { username: string; entity: string; before: string | null; after: string | null }[];
    return { packages: count(db, 'city_packages'), tokens: count(db, 'audit_log', "action = 'city.issueToken'"), received: entry };
  } finally {
    db.close();
  }
}

/** A street, its district (the street's month received) and the city, the district keeping the city's key file. */
async function threeLevels(): Promise<{ district: Site; city: Site; cert: ServerCertificate; token: string }> {
  const street = await sites.street(1, 20);
  const district = await sites.district();
  const city = await sites.city();
  await pair(street, district);
  await pairCity(district, city);
  const cert = ensureServerCertificate(city.dbPath, certificateNames(['city.gov.local'], '0.0.0.0'));
  const key = await city.app.invoke('exchange.exportKey', { tlsCert: cert.cert }, city.token);
  const trusted = await district.app.invoke('exchange.trustKey', { keyFile: key.text }, district.token);
  expect(trusted).toMatchObject({ role: 'city', code: city.code, tlsSha256: cert.sha256 });
  const keys = await district.app.invoke('exchange.keys', {}, district.token);
  expect(keys.city).toMatchObject({ code: city.code, name: city.name, canEncrypt: true, tlsSha256: cert.sha256 });
  const { token } = await city.app.invoke('city.issueToken', { districtCode: district.code.slice(0, 6) }, city.token);
  city.app.close(); // the host owns the city database from here
  // No --encrypt-to: the package is sealed to the city's key the district keeps.
  const built = await districtMonth(district, [street]);
  expect(built.package.encrypted).toBe(true);
  return { district, city, cert, token };
}

describe('a district uploading to its city over HTTPS', () => {
  it('pins the city’s certificate, refuses another and a wrong token, and keeps the city’s signed receipt', async () => {
    const { district, city, cert, token } = await threeLevels();
    const save = (url: string, uploadToken: string) => district.app.invoke('exchange.saveSettings', { districtUrl: url, uploadToken, uploadAttempts: 2, uploadBaseDelayMs: 50 }, district.token);
    const [latest] = await district.app.invoke('districtReturn.list', { period: PERIOD }, district.token);

    // A server with another certificate at the city's address (a machine in the middle): nothing is sent.
    const otherDir = makeTempDir('streetdesk-other-cert-');
    dirs.push(otherDir);
    const other = ensureServerCertificate(path.join(otherDir, 'other.db'), certificateNames(['city.gov.local'], '0.0.0.0'));
    expect(other.sha256).not.toBe(cert.sha256);
    const impostor = await serveCity(city, other);
    await save(`https://127.0.0.1:${impostor.port}`, token);
    const pinned = await expectError(district.app, 'districtReturn.upload', { packageId: latest.id }, district.token, 'VALIDATION');
    expect(pinned.details?.issues?.[0]).toMatchObject({ field: 'upload', problem: 'uploadTlsMismatch', params: { expected: cert.sha256, actual: other.sha256 } });
    await impostor.close();
    hosts.splice(hosts.indexOf(impostor), 1);
    expect(cityCounts(city).packages).toBe(0);

    const host = await serveCity(city, cert);
    // A wrong token: refused at once, no retry, nothing kept.
    await save(`https://127.0.0.1:${host.port}`, 'not-the-token');
    const refused = await expectError(district.app, 'districtReturn.upload', { packageId: latest.id }, district.token, 'VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({ problem: 'uploadTokenRefused', params: { status: 401 } });

    await save(`https://127.0.0.1:${host.port}`, token);
    const sent = await district.app.invoke('districtReturn.upload', { packageId: latest.id }, district.token);
    expect(sent.receiptVerified).toBe(true);
    expect(sent.receipt.receipt).toMatchObject({ districtCode: city.code, districtName: city.name, streetCode: district.code, period: PERIOD, version: 1, sha256: latest.sha256, outcome: 'accepted' });
    expect(sent.package).toMatchObject({ sentVia: 'upload', sentTo: `https://127.0.0.1:${host.port}` });
    const cityKey = JSON.parse(keyTextOf(district)) as { signingKey: { publicKey: string } };
    expect(verifyBytes(cityKey.signingKey.publicKey, new TextEncoder().encode(JSON.stringify(sent.receipt.receipt)), sent.receipt.signature)).toBe(true);

    // The same file again (an answer lost on the way): the same receipt, still one package.
    const again = await district.app.invoke('districtReturn.upload', { packageId: latest.id }, district.token);
    expect(again.receipt).toEqual(sent.receipt);

    await host.close();
    hosts.splice(0);
    const counts = cityCounts(city);
    expect(counts.packages).toBe(1);
    expect(counts.tokens).toBe(1);
    // One audited receipt (the duplicate changes nothing), in the name of the district's token.
    expect(counts.received).toHaveLength(1);
    expect(counts.received[0]).toMatchObject({ username: `upload:${district.code}`, entity: 'cityPackage', before: null });
    expect(JSON.parse(counts.received[0].after!)).toMatchObject({ status: 'accepted', via: 'upload' });
    const log = district.app.database.prepare("SELECT after FROM audit_log WHERE action = 'districtReturn.upload'").all() as { after: string }[];
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[0].after)).toMatchObject({ via: 'upload', outcome: 'accepted', attempts: 1 });
  }, 90_000);
});

/** The city's key file as the district keeps it. */
function keyTextOf(district: Site): string {
  const row = district.app.database.prepare("SELECT value FROM settings WHERE key = 'exchange.city_key_file'").get() as { value: string };
  return row.value;
}
