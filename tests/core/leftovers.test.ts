// What a process killed mid-write leaves behind is cleared at the next start: partial backups and their
// -journal files, the restore's temporary copies, and partial files elsewhere that the pending-writes
// journal names. Finished backups and other people's files are left alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { defaultKeyFolder } from '../../src/core/services/audit-key';
import { writeBackup } from '../../src/core/services/backup';
import { noteDelivery } from '../../src/core/exchange/delivery-note';
import { setProcessJournal } from '../../src/core/export/safe-write';
import { appsForEachTest, makeTempDir } from '../support/factory';
import { buildPackage, finalize, PERIOD, sitesForEachTest } from '../support/exchange';

const apps = appsForEachTest();
const sites = sitesForEachTest();

describe('the next start after a kill', () => {
  it('removes partial backups, their journals, restore copies and journaled partial files; keeps finished ones', async () => {
    const t = await apps();
    const backups = path.join(t.dir, 'backups');
    const good = path.join(backups, 'streetdesk-manual-2026-03-10-090000.db');
    fs.mkdirSync(backups, { recursive: true });
    await writeBackup(t.app.sqlite, good);
    t.app.close();

    const partial = `${good.replace('090000', '090500')}.1a2b3c4d.partial`;
    const killed = [
      partial,
      `${partial}-journal`,
      path.join(backups, 'upload-0123456789ab.tmp'),
      path.join(backups, 'restore-check-0123456789ab.db'),
      path.join(backups, 'restore-check-0123456789ab.db-journal'),
      `${t.dbPath}.previous`,
      `${t.dbPath}.restoring`,
    ];
    for (const f of killed) fs.writeFileSync(f, 'half');
    // An export to a stick, killed mid-write: only the journal beside the database knows where it was.
    const stick = makeTempDir('streetdesk-stick-');
    const exportPartial = path.join(stick, '党员名册.xlsx.9f8e7d6c.partial');
    fs.writeFileSync(exportPartial, 'half');
    const notes = path.join(defaultKeyFolder(t.dbPath), 'pending-writes');
    fs.mkdirSync(notes, { recursive: true });
    fs.writeFileSync(path.join(notes, '党员名册.xlsx.9f8e7d6c.partial.json'), JSON.stringify({ partial: exportPartial }));
    const theirs = path.join(stick, 'notes.txt');
    fs.writeFileSync(theirs, 'the clerk’s own file');

    const app = new StreetDeskApp({ dbPath: t.dbPath });
    try {
      for (const f of [...killed, exportPartial]) expect(fs.existsSync(f), f).toBe(false);
      expect(fs.readdirSync(backups)).toEqual([path.basename(good)]);
      expect(fs.readdirSync(notes)).toEqual([]);
      expect(fs.readFileSync(theirs, 'utf8')).toBe('the clerk’s own file');
    } finally {
      app.close();
      fs.rmSync(stick, { recursive: true, force: true });
    }
  });

  it('a backup that finished leaves no note behind', async () => {
    const t = await apps();
    const out = makeTempDir('streetdesk-out-');
    try {
      await writeBackup(t.app.sqlite, path.join(out, 'copy.db'));
      expect(fs.readdirSync(out)).toEqual(['copy.db']);
      const notes = path.join(defaultKeyFolder(t.dbPath), 'pending-writes');
      expect(fs.existsSync(notes) ? fs.readdirSync(notes) : []).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('finishes the delivery of a package a killed `return build` stored but had not written; drops a note whose build never came', async () => {
    const s = await sites.street(1, 10);
    await finalize(s);
    const out = makeTempDir('streetdesk-out-');
    const never = makeTempDir('streetdesk-never-');
    try {
      // The CLI's order: the note, the build (the row committed) … and the kill before the file.
      setProcessJournal(defaultKeyFolder(s.dbPath));
      noteDelivery(s.app.database, s.dbPath, out, PERIOD);
      const built = await buildPackage(s);
      noteDelivery(s.app.database, s.dbPath, never, PERIOD); // noted after the last build: nothing to deliver
      s.app.close();
      expect(fs.readdirSync(out)).toEqual([]);

      const app = new StreetDeskApp({ dbPath: s.dbPath });
      try {
        expect(fs.readdirSync(out)).toEqual([built.package.fileName]);
        expect(Buffer.from(fs.readFileSync(path.join(out, built.package.fileName))).equals(Buffer.from(built.bytes))).toBe(true);
        expect(fs.readdirSync(never)).toEqual([]);
        expect(fs.readdirSync(path.join(defaultKeyFolder(s.dbPath), 'pending-writes'))).toEqual([]);
      } finally {
        app.close();
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(never, { recursive: true, force: true });
    }
  });
});
