// `npx tsx scripts/measure-synchronous.ts`: what `PRAGMA synchronous = FULL` costs against NORMAL in WAL
// mode, on the two writes a clerk waits for — a 20,000-row roster import (one transaction) and a grid edit
// (one members.update, one small transaction each). Runs alternate between the modes on fresh databases;
// the medians are printed. The decision and the figures are written down in src/core/db/open.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { importMembers } from '../src/core/import/import-members';
import { BRANCHES, writeBigRoster } from '../tests/support/big-roster';

const ROWS = 20_000;
const EDITS = 200;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-sync-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fresh(name: string, mode: 'NORMAL' | 'FULL') {
  const app = new StreetDeskApp({ dbPath: path.join(dir, name) });
  const { token } = await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782001000', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });
  const root = (await app.invoke('orgs.tree', {}, token))[0];
  for (const name of BRANCHES) await app.invoke('orgs.create', { parentId: root.id, name, level: 'branch' }, token);
  app.sqlite.pragma(`synchronous = ${mode}`);
  return { app, token };
}

async function main() {
  const roster = path.join(dir, 'roster.xlsx');
  await writeBigRoster(roster, ROWS);
  const imports: Record<string, number[]> = { NORMAL: [], FULL: [] };
  const edits: Record<string, number[]> = { NORMAL: [], FULL: [] };
  for (let run = 0; run < 3; run++) {
    for (const mode of ['NORMAL', 'FULL'] as const) {
      const { app, token } = await fresh(`${mode}-${run}.db`, mode);
      const t0 = performance.now();
      await importMembers(app.database, roster, { onDuplicate: 'skip', createMissingBranches: false, dryRun: false, lang: 'zh-CN', now: new Date(), actor: { userId: 1, username: 'admin' }, fileName: 'roster.xlsx' });
      imports[mode].push(performance.now() - t0);
      const ids = (app.database.prepare('SELECT id FROM members ORDER BY id LIMIT ?').all(EDITS) as { id: number }[]).map((r) => r.id);
      for (const [i, id] of ids.entries()) {
        const { version } = (await app.invoke('members.get', { id }, token)).member;
        const t = performance.now();
        await app.invoke('members.update', { id, version, fields: { phone: `1390000${String(i).padStart(4, '0')}` } }, token);
        edits[mode].push(performance.now() - t);
      }
      app.close();
    }
  }
  for (const mode of ['NORMAL', 'FULL']) {
    console.log(`${mode.padEnd(6)} import of ${ROWS} rows: median ${median(imports[mode]).toFixed(0)} ms (${imports[mode].map((x) => x.toFixed(0)).join(', ')}); grid edit: median ${median(edits[mode]).toFixed(2)} ms, p95 ${[...edits[mode]].sort((a, b) => a - b)[Math.floor(edits[mode].length * 0.95)].toFixed(2)} ms`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
