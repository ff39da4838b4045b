import { describe, expect, it } from 'vitest';
import { returnHeadlines, returnWarnings } from '../../src/shared/returns/headlines';
import { totalOf, type ReturnColumn, type ReturnRow, type ReturnTable, type ReturnTableId } from '../../src/shared/returns/tables';

function table(id: ReturnTableId, keys: string[], rows: Record<string, number>[]): ReturnTable {
  const columns: ReturnColumn[] = keys.map((key) => ({ key }));
  const r: ReturnRow[] = rows.map((values, i) => ({ key: String(i), label: String(i), values }));
  return { id, columns, rows: r, total: totalOf(columns, r) };
}

describe('what the 定稿 confirmation shows', () => {
  const members = table('membersByCommunity', ['total', 'full'], [{ total: 700, full: 650 }, { total: 49, full: 40 }]);
  const changes = table('changes', ['joined', 'transferredIn', 'transferredOut', 'died'], [{ joined: 0, transferredIn: 0, transferredOut: 0, died: 0 }]);
  const requests = table('serviceRequests', ['requests', 'closed', 'overdue'], [{ requests: 40, closed: 35, overdue: 2 }]);

  it('gives the main figures from the tables’ totals, in the return’s order', () => {
    expect(returnHeadlines([requests, members, changes])).toEqual([
      { table: 'membersByCommunity', column: 'total', value: 749 },
      { table: 'changes', column: 'joined', value: 0 },
      { table: 'changes', column: 'transferredIn', value: 0 },
      { table: 'changes', column: 'transferredOut', value: 0 },
      { table: 'serviceRequests', column: 'requests', value: 40 },
      { table: 'serviceRequests', column: 'closed', value: 35 },
    ]);
  });

  it('warns of an all-zero table and of late work, and of nothing in an ordinary month', () => {
    expect(returnWarnings([members, changes, requests])).toEqual([
      { kind: 'allZero', table: 'changes' },
      { kind: 'late', table: 'serviceRequests', column: 'overdue', value: 2 },
    ]);
    const ordinary = table('changes', ['joined', 'died'], [{ joined: 1, died: 0 }]);
    const onTime = table('serviceRequests', ['requests', 'overdue'], [{ requests: 3, overdue: 0 }]);
    expect(returnWarnings([members, ordinary, onTime])).toEqual([]);
    expect(returnWarnings([table('transfers', ['issued'], [])])).toEqual([{ kind: 'allZero', table: 'transfers' }]);
  });
});
