// The fast variant of `npm run crash-test`: the real CLI killed with SIGKILL three times during a roster
// import and three times during a backup, and four times during a return build (once aimed between the
// stored package and its file); each time the database passes SQLite's integrity check, holds the
// count before or the count after (never between), verifies its audit chain, opens in the app, and that
// start leaves no partial file behind. The long run (20 kills of six operations) is `npm run crash-test`.
import { describe, expect, it } from 'vitest';
import { crashTable, crashTest, OPERATIONS } from '../../scripts/crash-test';

describe('killed with SIGKILL mid-operation', () => {
  it('a roster import and a backup are all-or-nothing, verify, open and leave nothing behind', async () => {
    const operations = OPERATIONS.filter((o) => o.name === 'import' || o.name === 'backup');
    const rows = await crashTest({ operations, kills: 3, rows: 1000, seed: Date.now() });
    expect(rows.map((r) => r.operation)).toEqual(['import', 'backup']);
    for (const r of rows) {
      expect(r.failures, crashTable(rows)).toEqual([]);
      expect(r).toMatchObject({ kills: 3, clean: 3 });
    }
  }, 180_000);

  it('a return build killed after its package is stored still gets its file at the next start; never a row without a file', async () => {
    const operations = OPERATIONS.filter((o) => o.name === 'return build');
    // Four kills: the first aimed at the moment the row is committed and the file not yet written.
    const rows = await crashTest({ operations, kills: 4, rows: 500, seed: Date.now() });
    expect(rows[0].failures, crashTable(rows)).toEqual([]);
    expect(rows[0]).toMatchObject({ operation: 'return build', kills: 4, clean: 4 });
  }, 180_000);
});
