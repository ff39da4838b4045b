// The fast subset of the request fuzz corpus (tests/support/hostile-http.ts; the long run with random cases
// and the host's memory is `npm run fuzz -- --readers upload,host`): every named hostile request to a real
// district host on 127.0.0.1 — bad paths and encodings, GET http://[, huge or missing headers, unknown
// methods, bodies too long, not JSON or cut short, a slow client, and every package of the corpus uploaded
// with a valid token. Each is answered without a 5xx or a stack trace (a request the client cut short is
// owed no answer), a normal call is answered after it, and no package gets in.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/host/server';
import { verifyAuditChain } from '../../../src/core/services/audit';
import { makeTempDir } from '../../support/factory';
import { openSiteDb, pair, sitesForEachTest } from '../../support/exchange';
import { namedPackageCases } from '../../support/hostile';
import { namedHostCases, namedUploadCases, normalCall, sendRaw, type HttpCase } from '../../support/hostile-http';

const WORKER_URL = new URL('../../../src/core/worker/tsx-worker.mjs', import.meta.url);
const STACK = /\n\s+at .+:\d+:\d+\)?(\n|$)/;

describe('hostile requests to a running district host', () => {
  const sites = sitesForEachTest();
  let host: RunningHost;
  let dir: string;
  let dbPath: string;
  let pgUrl: string | undefined;
  let target: { host: string; token: string; streetCode: string };

  beforeAll(async () => {
    const street = await sites.street(1, 5);
    const district = await sites.district();
    await pair(street, district);
    const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
    // The database moves out of the sites' reach (they are cleared after each test): the host keeps it all along.
    dir = makeTempDir('streetdesk-fuzz-host-');
    district.app.close();
    dbPath = path.join(dir, 'district.db');
    // A database in PostgreSQL stays where it is (the sites only remove their folders).
    pgUrl = district.pgUrl;
    if (!pgUrl) fs.copyFileSync(district.dbPath, dbPath);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>StreetDesk</title>');
    // Every hostile package from the one street: past the rate limit they would all be 429 and go unread.
    host = await startHost({ dbPath, ...(pgUrl ? { pgUrl } : {}), port: 0, rendererDir: dir, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, district: true, uploadLimits: { uploadsPerMinute: 100_000 } });
    target = { host: `127.0.0.1:${host.port}`, token, streetCode: street.code };
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const packages = () => {
    const db = openSiteDb({ dbPath, pgUrl });
    try {
      return { count: (db.prepare('SELECT count(*) FROM district_packages').pluck().get() as number), chain: verifyAuditChain(db).ok };
    } finally {
      db.close();
    }
  };

  async function expectHeld(c: HttpCase) {
    const answer = await sendRaw(host.port, c.make(target), { cut: c.cut, waitMs: 20_000 });
    if (!c.cut) expect(answer.status, `${c.name}: no answer`).not.toBeNull();
    if (answer.status !== null) expect(answer.status, `${c.name}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    expect(answer.body).not.toMatch(STACK);
    expect(answer.body).not.toContain('"INTERNAL"');
    const normal = await sendRaw(host.port, [normalCall(target.host)]);
    expect(normal.status, `after ${c.name}`).toBe(200);
    expect(normal.body).toContain('"ok":true');
  }

  it('the host: malformed paths, headers, methods and bodies, a slow client — each answered or let go, and the host answers after', async () => {
    for (const c of namedHostCases()) await expectHeld(c);
    expect(packages()).toEqual({ count: 0, chain: true });
  }, 60_000);

  it('the upload endpoint: every hostile package with a valid token, and the headers spoiled — refused, nothing received', async () => {
    for (const c of namedUploadCases(namedPackageCases())) await expectHeld(c);
    expect(packages()).toEqual({ count: 0, chain: true });
  }, 60_000);
});
