// The network upload from the command line: the district's key file exported with its server certificate
// (`keys export --tls-cert`, or the one `npm run serve` made beside the database), the street trusting it
// (`keys trust` says which certificate it will check), `exchange set --district-url https://…`, and
// `return upload` to the district's host on 0.0.0.0 over HTTPS — the signed receipt back; then the district
// to its city the same way (`city token`, `keys trust` of the city's key file, `exchange set --city-url`).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLine, runCli } from '../support/cli';
import { makeTempDir } from '../support/factory';
import { startHost } from '../../src/host/server';
import { certificateNames, ensureServerCertificate } from '../../src/host/tls';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const dir = makeTempDir('streetdesk-tls-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const period = (() => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
})();

async function ok(args: string[], env: Record<string, string> = PASSWORD) {
  const run = await runCli(['--json', ...args], env);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return jsonLine(run);
}

describe('return upload over HTTPS by the command line', () => {
  it('pins the certificate named in the district key file and brings back the signed receipt', async () => {
    const district = at('district.db');
    const street = at('street.db');
    await ok(['--db', district, 'init', '--district', '--district-name', '东城区', '--district-code', '110101', '--admin-user', 'qu']);
    await ok(['--db', street, 'init', '--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin']);
    await ok(['--db', street, 'seed-demo', '--members', '20']);
    await ok(['--db', street, 'keys', 'export', '--out', at('street-key.json')]);
    await ok(['--db', district, 'keys', 'trust', '--street-code', '110101001000', '--key', at('street-key.json')]);

    // The certificate `npm run serve` makes beside the district database is found without naming it.
    const cert = ensureServerCertificate(district, certificateNames(['district.gov.local'], '0.0.0.0'));
    const exported = await ok(['--db', district, 'keys', 'export', '--out', at('district-key.json')]);
    expect(exported.tlsSha256).toBe(cert.sha256);
    const human = await runCli(['--db', district, 'keys', 'export', '--out', at('district-key-2.json'), '--tls-cert', cert.certFile], PASSWORD);
    expect(human.stdout).toContain(`服务器证书 SHA-256：${cert.sha256}`);
    const notCert = await runCli(['--json', '--db', district, 'keys', 'export', '--out', at('district-key-3.json'), '--tls-cert', at('street-key.json')], PASSWORD);
    expect(notCert.code).toBe(1);
    expect(jsonLine(notCert).error?.message).toContain('服务器证书');

    const trusted = await runCli(['--db', street, 'keys', 'trust', '--key', at('district-key.json')], PASSWORD);
    expect(trusted.stdout).toContain(`上传时核对区服务器证书 SHA-256：${cert.sha256}`);
    const token = String((await ok(['--db', district, 'district', 'token', '--street-code', '110101001000'])).token);

    const renderer = at('renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
    const host = await startHost({ dbPath: district, listen: '0.0.0.0', tls: cert, publicNames: ['district.gov.local'], rendererDir: renderer, workerUrl: new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url), appVersion: '0.1.0', dailyBackups: false, district: true });
    try {
      expect(await ok(['--db', street, 'exchange', 'set', '--district-url', `https://127.0.0.1:${host.port}`], { ...PASSWORD, STREETDESK_UPLOAD_TOKEN: token })).toMatchObject({
        districtUrl: `https://127.0.0.1:${host.port}`,
        hasUploadToken: true,
      });
      await ok(['--db', street, 'return', 'finalize', '--period', period]);
      await ok(['--db', street, 'return', 'build', '--period', period, '--out', at('out'), '--encrypt-to', at('district-key.json')]);
      const uploaded = await ok(['--db', street, 'return', 'upload', '--period', period]);
      expect(uploaded).toMatchObject({ version: 1, receiptVerified: true, receipt: { streetCode: '110101001000', period, outcome: 'accepted', districtName: '东城区' } });
    } finally {
      await host.close();
    }

    // One level up, the same way: the city's key file carries its certificate, the district keeps it once
    // (`keys trust` with no street code), builds its month sealed to it and uploads with `return upload`.
    const city = at('city.db');
    await ok(['--db', city, 'init', '--city', '--city-name', '北京市', '--city-code', '1101', '--admin-user', 'shi']);
    await ok(['--db', district, 'keys', 'export', '--out', at('district-key-city.json')]);
    await ok(['--db', city, 'keys', 'trust', '--district-code', '110101', '--key', at('district-key-city.json')]);
    const cityCert = ensureServerCertificate(city, certificateNames(['city.gov.local'], '0.0.0.0'));
    expect((await ok(['--db', city, 'keys', 'export', '--out', at('city-key.json')])).tlsSha256).toBe(cityCert.sha256);
    const keptCity = await runCli(['--db', district, 'keys', 'trust', '--key', at('city-key.json')], PASSWORD);
    expect(keptCity.stdout).toContain(`上传时核对市服务器证书 SHA-256：${cityCert.sha256}`);
    const cityToken = String((await ok(['--db', city, 'city', 'token', '--district-code', '110101'])).token);
    expect((await ok(['--db', district, 'return', 'build', '--period', period, '--out', at('district-out')])).encrypted).toBe(true);
    const cityHost = await startHost({ dbPath: city, listen: '0.0.0.0', tls: cityCert, rendererDir: renderer, workerUrl: new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url), appVersion: '0.1.0', dailyBackups: false, city: true });
    try {
      await ok(['--db', district, 'exchange', 'set', '--city-url', `https://127.0.0.1:${cityHost.port}`], { ...PASSWORD, STREETDESK_UPLOAD_TOKEN: cityToken });
      const toCity = await ok(['--db', district, 'return', 'upload', '--period', period]);
      expect(toCity).toMatchObject({ version: 1, attempts: 1, receiptVerified: true, receipt: { streetCode: '110101000000', period, outcome: 'accepted', districtName: '北京市' } });
    } finally {
      await cityHost.close();
    }
  }, 240_000);
});
