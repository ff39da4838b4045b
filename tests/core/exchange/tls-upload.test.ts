// A street uploads its finalized return to its district over HTTPS, across the network: the district's
// host listens on 0.0.0.0 (reached here through 127.0.0.1) with a self-signed certificate, its key file
// carries the certificate's fingerprint, and the street pins it. Another certificate is refused before any
// byte is sent; the upload survives the district server being down, and being stopped while it is half
// received, ending each time in exactly one accepted package and the district's signed receipt.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/host/server';
import { certificateNames, ensureServerCertificate, type ServerCertificate } from '../../../src/host/tls';
import { parseKeyFile } from '../../../src/core/exchange/keys';
import { count, expectError, makeTempDir } from '../../support/factory';
import { buildPackage, openSiteDb, pair, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();
/** Bytes of the first connection (TLS handshake, the request's headers, part of its body) let through before the cut. */
const CUT_AFTER = 40_000;
const WORKER_URL = new URL('../../../src/core/worker/tsx-worker.mjs', import.meta.url);
const hosts: RunningHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = makeTempDir('streetdesk-tls-');
  dirs.push(d);
  return d;
}

async function serveTls(site: Pick<Site, 'dbPath' | 'pgUrl'>, cert: ServerCertificate, port = 0, log?: (line: string) => void, publicNames: string[] = []): Promise<RunningHost> {
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  const host = await startHost({ dbPath: site.dbPath, ...(site.pgUrl ? { pgUrl: site.pgUrl } : {}), port, listen: '0.0.0.0', tls: cert, publicNames, shutdownWaitMs: 200, rendererDir: renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, district: true, log });
  hosts.push(host);
  return host;
}

/** A street and its district paired, the district's key file exported with its server certificate. */
async function pairedOverTls(members = 30): Promise<{ street: Site; district: Site; cert: ServerCertificate; token: string }> {
  const street = await sites.street(1, members);
  const district = await sites.district();
  await pair(street, district);
  const cert = ensureServerCertificate(district.dbPath, certificateNames(['district.gov.local'], '0.0.0.0'));
  const key = await district.app.invoke('exchange.exportKey', { tlsCert: cert.cert }, district.token);
  expect(key.tlsSha256).toBe(cert.sha256);
  expect(parseKeyFile(key.text).tlsCertificate).toEqual({ sha256: cert.sha256 });
  const trusted = await street.app.invoke('exchange.trustKey', { keyFile: key.text }, street.token);
  expect(trusted.tlsSha256).toBe(cert.sha256);
  expect((await street.app.invoke('exchange.keys', {}, street.token)).district?.tlsSha256).toBe(cert.sha256);
  const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
  district.app.close(); // the host owns the district database from here
  return { street, district, cert, token };
}

function districtCounts(site: Site): { packages: number; received: number } {
  const db = openSiteDb(site);
  try {
    return { packages: count(db, 'district_packages'), received: count(db, 'audit_log', "action = 'district.receiveUpload'") };
  } finally {
    db.close();
  }
}

describe('uploading over HTTPS with the district’s certificate pinned', () => {
  it('survives the district server stopping and starting again: one accepted package, a verified receipt', async () => {
    const { street, district, cert, token } = await pairedOverTls();
    const first = await serveTls(district, cert);
    const port = first.port;
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);

    await street.app.invoke('exchange.saveSettings', { districtUrl: `https://127.0.0.1:${port}`, uploadToken: token, uploadAttempts: 8, uploadBaseDelayMs: 200 }, street.token);
    const built = await buildPackage(street);
    const upload = street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
    await new Promise((r) => setTimeout(r, 700)); // attempts against the stopped server
    await serveTls(district, cert, port);
    const result = await upload;

    expect(result.attempts).toBeGreaterThan(1);
    expect(result.package).toMatchObject({
      sentVia: 'upload',
      sentTo: `https://127.0.0.1:${port}`,
      receiptVerified: true,
      receipt: { receipt: { streetCode: street.code, period: PERIOD, version: 1, sha256: built.package.sha256, outcome: 'accepted' } },
    });
    // Sent again (as if the answer were lost): the same receipt, still one package.
    const again = await street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
    expect(again.package.receipt?.receipt.receivedAt).toBe(result.package.receipt?.receipt.receivedAt);
    for (const h of hosts.splice(0)) await h.close();
    expect(districtCounts(district)).toEqual({ packages: 1, received: 1 });
  }, 60_000);

  it('survives the district server dying in the middle of receiving it: retried, one accepted package', async () => {
    const { street, district, cert, token } = await pairedOverTls(1000);
    const seen: string[] = [];
    let port = 0;
    let host: RunningHost;
    // The street reaches the district through a relay that, on the first connection, passes the first
    // bytes of the request and then has the district server stopped (requests in flight cut off) and
    // started again — the street's upload is then half sent.
    let connections = 0;
    let forwardedFirst = 0;
    const relay = net.createServer((client) => {
      const n = ++connections;
      const server = net.connect(port, '127.0.0.1');
      server.on('error', () => client.destroy());
      client.on('error', () => server.destroy());
      server.pipe(client);
      if (n > 1) {
        client.pipe(server);
        return;
      }
      client.on('data', (chunk: Buffer) => {
        if (forwardedFirst >= CUT_AFTER) return;
        const part = chunk.subarray(0, CUT_AFTER - forwardedFirst);
        server.write(part);
        forwardedFirst += part.length;
        if (forwardedFirst >= CUT_AFTER) {
          void (async () => {
            await new Promise((r) => setTimeout(r, 1000)); // the district has read what came: the upload is under way
            await host.close();
            hosts.splice(hosts.indexOf(host), 1);
            client.destroy();
            host = await serveTls(district, cert, port, (line) => seen.push(line), [relayName]);
          })();
        }
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    // The relay's address is the one the street uses: the district accepts it as a public name with its port.
    const relayName = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
    host = await serveTls(district, cert, 0, (line) => seen.push(line), [relayName]);
    port = host.port;
    try {
      await street.app.invoke('exchange.saveSettings', { districtUrl: `https://${relayName}`, uploadToken: token, uploadAttempts: 8, uploadBaseDelayMs: 300 }, street.token);
      const built = await buildPackage(street);
      expect(built.bytes.length).toBeGreaterThan(CUT_AFTER + 16_000); // a good part of it was never sent the first time
      const result = await street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
      expect(forwardedFirst).toBe(CUT_AFTER);
      // The district had begun reading the upload when it was stopped, and cut it off.
      expect(seen, seen.join('\n')).toContainEqual(expect.stringMatching(/^shutdown: 1 request\(s\) still open after 200 ms, cut off$/));
      expect(connections).toBeGreaterThan(1);
      expect(result.attempts).toBeGreaterThan(1);
      expect(result.package).toMatchObject({ sentVia: 'upload', receiptVerified: true, receipt: { receipt: { streetCode: street.code, sha256: built.package.sha256, outcome: 'accepted' } } });
    } finally {
      relay.close();
    }
    for (const h of hosts.splice(0)) await h.close();
    expect(districtCounts(district)).toEqual({ packages: 1, received: 1 });
  }, 120_000);

  it('refuses a server with another certificate, naming both fingerprints, and sends it nothing', async () => {
    const { street, district, cert, token } = await pairedOverTls();
    // An impostor on the network: another server, its own certificate.
    const impostorDir = tempDir();
    const impostorCert = ensureServerCertificate(path.join(impostorDir, 'other.db'), ['localhost', '127.0.0.1']);
    expect(impostorCert.sha256).not.toBe(cert.sha256);
    const seen: string[] = [];
    const impostor = await serveTls({ dbPath: path.join(impostorDir, 'other.db') }, impostorCert, 0, (line) => seen.push(line));

    await street.app.invoke('exchange.saveSettings', { districtUrl: `https://127.0.0.1:${impostor.port}`, uploadToken: token, uploadAttempts: 3, uploadBaseDelayMs: 10 }, street.token);
    const built = await buildPackage(street);
    const e = await expectError(street.app, 'returns.upload', { packageId: built.package.id }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'upload', problem: 'uploadTlsMismatch', params: { expected: cert.sha256, actual: impostorCert.sha256 } });
    expect(e.message).toContain('未发送任何数据');
    expect(e.message).toContain(impostorCert.sha256);
    // Not one request reached the impostor (its log has its start line only), and nothing counts as sent.
    expect(seen.filter((l) => !l.startsWith('serving'))).toEqual([]);
    expect((await street.app.invoke('returns.get', { period: PERIOD }, street.token)).packages[0].sentVia).toBeNull();

    // The real district, same street, same package: accepted.
    const real = await serveTls(district, cert);
    await street.app.invoke('exchange.saveSettings', { districtUrl: `https://127.0.0.1:${real.port}`, uploadToken: token }, street.token);
    const ok = await street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
    expect(ok.package).toMatchObject({ sentVia: 'upload', receiptVerified: true });
  }, 60_000);

  it('refuses an https:// upload when the district key file carries no certificate fingerprint', async () => {
    const street = await sites.street(1, 10);
    const district = await sites.district();
    await pair(street, district); // a key file exported without --tls-cert
    const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
    await street.app.invoke('exchange.saveSettings', { districtUrl: 'https://district.gov.local:8443', uploadToken: token }, street.token);
    const built = await buildPackage(street);
    const e = await expectError(street.app, 'returns.upload', { packageId: built.package.id }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'upload', problem: 'uploadTlsNotPinned' });
    expect(e.message).toContain('keys export --tls-cert');
  }, 30_000);

  it('checks the certificate given to keys export, and a fingerprint in a key file', async () => {
    const street = await sites.street(1, 0);
    const district = await sites.district();
    const bad = await expectError(district.app, 'exchange.exportKey', { tlsCert: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' }, district.token, 'VALIDATION');
    expect(bad.details?.issues?.[0]).toMatchObject({ field: 'tlsCert', problem: 'tlsCertInvalid' });
    expect(bad.message).toContain('服务器证书');
    const notPem = await expectError(district.app, 'exchange.exportKey', { tlsCert: 'hello' }, district.token, 'VALIDATION');
    expect(notPem.details?.issues?.[0]).toMatchObject({ field: 'tlsCert', problem: 'tlsCertInvalid' });
    // A street serves no uploads: it has no certificate to put in its key file.
    const cert = ensureServerCertificate(path.join(tempDir(), 'x.db'), ['localhost']);
    const onStreet = await expectError(street.app, 'exchange.exportKey', { tlsCert: cert.cert }, street.token, 'VALIDATION');
    expect(onStreet.details?.issues?.[0]).toMatchObject({ problem: 'exchangeNeedsDistrict' });
    // A key file whose fingerprint is not one is not a key file.
    const key = await district.app.invoke('exchange.exportKey', { tlsCert: cert.cert }, district.token);
    const spoiled = JSON.parse(key.text) as { tlsCertificate: { sha256: string } };
    spoiled.tlsCertificate.sha256 = 'AB:CD';
    const refused = await expectError(street.app, 'exchange.trustKey', { keyFile: JSON.stringify(spoiled) }, street.token, 'VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({ field: 'keyFile', problem: 'keyFileInvalid' });
  }, 30_000);
});
