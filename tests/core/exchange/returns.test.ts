// The monthly return: figures that follow the records, notes, draft → checked → finalized with frozen
// figures, a finalized month that refuses changes dated in it until reopened (logged, new version), and
// a package whose contents are what the district may keep.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RETURN_TABLE_IDS, type ReturnTable } from '../../../src/shared/returns/tables';
import { count, expectError } from '../../support/factory';
import { buildPackage, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';
import { importMembers } from '../../../src/core/import/import-members';
import { memberRow, nationalRoster, writeWorkbook } from '../import/roster-workbooks';

const sites = sitesForEachTest();

const table = (tables: ReturnTable[], id: ReturnTable['id']) => tables.find((t) => t.id === id)!;
const get = (s: Site) => s.app.invoke('returns.get', { period: PERIOD }, s.token);

function activeAt(s: Site, end: string): number {
  return (s.app.database.prepare("SELECT count(*) AS n FROM members WHERE coalesce(join_date, '') <= ? AND status = 'active'").get(end) as { n: number }).n;
}

describe('the return tables', () => {
  it('count the roll by community and category, and the month’s changes', async () => {
    const street = await sites.street(1, 120);
    const info = await get(street);
    expect(info).toMatchObject({ state: 'draft', version: 1 });
    const byCommunity = table(info.tables, 'membersByCommunity');
    expect(byCommunity.total.total).toBe(activeAt(street, '2026-10-31'));
    expect(byCommunity.total.full! + byCommunity.total.probationary!).toBe(byCommunity.total.total);
    expect(table(info.tables, 'membersByOccupation').total.total).toBe(byCommunity.total.total);
    const communities = street.app.database.prepare('SELECT count(*) AS n FROM communities').get() as { n: number };
    expect(byCommunity.rows.length).toBeGreaterThanOrEqual(communities.n);

    // A death recorded in October shows in October's changes and leaves the roll at the month's end.
    const { members } = await street.app.invoke('members.list', { limit: 1 }, street.token);
    const m = members[0];
    const before = table(info.tables, 'changes').total.died!;
    await street.app.invoke('members.leave', { id: m.id, version: m.version, on: '2026-10-20', reason: 'death' }, street.token);
    const after = await get(street);
    expect(table(after.tables, 'changes').total.died).toBe(before + 1);
    expect(table(after.tables, 'membersByCommunity').total.total).toBe(byCommunity.total.total! - 1);
    const service = table(after.tables, 'serviceRequests');
    expect(service.rows.map((r) => r.key)).toEqual(['immediate', 'agency', 'guidance']);
    expect(service.columns.map((c) => c.key)).toContain('onTimeRate');
  });

  it('show the counter’s month: requests by list, closed on time, satisfaction, volunteer hours by team', async () => {
    const street = await sites.street(2, 200, { requests: 3000 });
    const info = await get(street);
    const stats = await street.app.invoke('counter.stats', { period: PERIOD }, street.token);
    const service = table(info.tables, 'serviceRequests');
    expect(stats.accepted).toBeGreaterThan(150);
    for (const { listClass, count } of stats.byList) expect(service.rows.find((r) => r.key === listClass)?.values.requests).toBe(count);
    expect(service.total).toMatchObject({ requests: stats.accepted, closed: stats.closed, onTime: stats.closedOnTime, rated: stats.rated });
    expect(service.total.onTimeRate).toBeCloseTo(stats.onTimeRate!, 0);
    expect(service.total.satisfaction).toBeCloseTo(stats.averageSatisfaction!, 1);
    const hours = table(info.tables, 'volunteerHours');
    expect(hours.total.hours).toBeCloseTo(stats.volunteerHoursByTeam.reduce((n, t) => n + t.hours, 0), 1);
    expect(hours.rows.map((r) => r.label).sort()).toEqual(stats.volunteerHoursByTeam.map((t) => t.teamName).sort());
    // Still overdue at the month's end: open, past due, not waiting for the resident's documents.
    const overdue = street.app.database
      .prepare("SELECT count(*) AS n FROM service_requests WHERE accepted_on <= '2026-10-31' AND (closed_on IS NULL OR closed_on > '2026-10-31') AND due_on < '2026-10-31' AND status <> 'waiting_docs'")
      .get() as { n: number };
    expect(service.total.overdue).toBe(overdue.n);
  });

  it('refuses a period that has not come', async () => {
    const street = await sites.street(1, 0);
    const e = await expectError(street.app, 'returns.get', { period: '2026-12' }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'period', problem: 'periodInFuture' });
    await expectError(street.app, 'returns.get', { period: '2026-13' }, street.token, 'VALIDATION');
  });
});

describe('the states of a return', () => {
  it('go draft → checked → finalized; finalizing freezes the figures and refuses changes dated in the month', async () => {
    const street = await sites.street(1, 40);
    await street.app.invoke('returns.saveNote', { period: PERIOD, table: 'changes', note: '本月无新发展党员' }, street.token);
    await expectError(street.app, 'returns.finalize', { period: PERIOD }, street.token, 'VALIDATION');
    expect((await street.app.invoke('returns.check', { period: PERIOD }, street.token)).state).toBe('checked');
    const final = await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    expect(final).toMatchObject({ state: 'finalized', version: 1, notes: { changes: '本月无新发展党员' } });
    expect(final.frozenAt).not.toBeNull();

    // A death dated in October is refused while October is finalized, saying which return to reopen.
    const { members } = await street.app.invoke('members.list', { limit: 1 }, street.token);
    const m = members[0];
    const refused = await expectError(street.app, 'members.leave', { id: m.id, version: m.version, on: '2026-10-20', reason: 'death' }, street.token, 'VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({ problem: 'periodFinalized', params: { period: PERIOD } });
    expect(refused.message).toContain('2026-10 的月报已定稿');
    expect((await street.app.invoke('members.get', { id: m.id }, street.token)).member.status).toBe('active');
    await expectError(street.app, 'returns.saveNote', { period: PERIOD, table: 'changes', note: '改' }, street.token, 'VALIDATION');
    // A change dated in November is not October's business.
    await street.app.invoke('members.leave', { id: m.id, version: m.version, on: '2026-11-02', reason: 'death' }, street.token);
    expect(await get(street)).toMatchObject({ state: 'finalized', tables: final.tables });

    const reopened = await street.app.invoke('returns.reopen', { period: PERIOD, reason: '补录 10 月死亡党员' }, street.token);
    expect(reopened).toMatchObject({ state: 'draft', version: 2, frozenAt: null });
    expect(reopened.log.map((l) => [l.action, l.version])).toEqual([['check', 1], ['finalize', 1], ['reopen', 2]]);
    expect(reopened.log[2]).toMatchObject({ reason: '补录 10 月死亡党员', by: 'admin' });
    const { entries } = await street.app.invoke('audit.list', { action: 'returns.reopen' }, street.token);
    expect(entries[0]).toMatchObject({ entity: 'return', entityId: PERIOD, before: { state: 'finalized', version: 1 }, after: { state: 'draft', version: 2 } });
  });

  it('refuses a transfer step dated in a finalized month', async () => {
    const street = await sites.street(1, 10);
    await street.app.invoke('returns.check', { period: PERIOD }, street.token);
    await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    const { members } = await street.app.invoke('members.list', { limit: 1 }, street.token);
    const e = await expectError(
      street.app,
      'transfers.create',
      { direction: 'out', letterNumber: '东组转〔2026〕9号', memberId: members[0].id, issuedOn: '2026-10-30', duesPaidTo: '2026-10', toOrgName: '西城区某街道党工委' },
      street.token,
      'VALIDATION',
    );
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'issuedOn', problem: 'periodFinalized' });
    expect(count(street.app.database, 'transfers')).toBe(0);
  });
});

describe('the package', () => {
  it('carries the national items of each member, the tables, a Chinese summary.xlsx and no community-only data', async () => {
    const street = await sites.street(1, 50);
    const { bytes, package: p } = await buildPackage(street);
    // Every table of the return, the modules' tables included.
    expect(p.counts).toMatchObject({ members: 50, tables: RETURN_TABLE_IDS.length });
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['data/changes.jsonl', 'data/members.jsonl', 'data/tables.jsonl', 'data/transfers.jsonl', 'manifest.json', 'signature', 'summary.xlsx']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ format: 'streetdesk-return', formatVersion: 1, street: { code: street.code, name: '第1街道' }, period: PERIOD, version: 1, appVersion: '0.1.0' });
    expect(manifest.files.map((f: { path: string }) => f.path)).toHaveLength(5);
    const members = new TextDecoder().decode(files['data/members.jsonl']).trim().split('\n').map((l) => JSON.parse(l));
    expect(members).toHaveLength(50);
    expect(Object.keys(members[0])).toEqual(expect.arrayContaining(['name', 'idNumber', 'category', 'branch', 'joinDate', 'phone', 'address', 'community']));
    for (const hidden of ['hardship', 'skills', 'room', 'building', 'workUnit', 'volunteer', 'nativePlace', 'mobileContact']) expect(members[0]).not.toHaveProperty(hidden);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files['summary.xlsx']) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月报')!;
    const cells = sheet.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(cells).toEqual(expect.arrayContaining(['党员分布（按社区）', '本月党员变动', '便民服务办件（三张清单）', '合计', '正式党员']));
    const { entries } = await street.app.invoke('audit.list', { action: 'returns.build' }, street.token);
    expect(entries[0]).toMatchObject({ entity: 'returnPackage', after: { period: PERIOD, counts: { members: 50 } } });
  });

  it('is refused for a return that is not finalized', async () => {
    const street = await sites.street(1, 5);
    const e = await expectError(street.app, 'returns.build', { period: PERIOD }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ problem: 'returnNotFinalized' });
    expect(count(street.app.database, 'return_packages')).toBe(0);
  });

  it('leaves members\' personal data unencrypted only by an explicit choice, and logs that choice', async () => {
    const street = await sites.street(1, 5);
    await street.app.invoke('returns.check', { period: PERIOD }, street.token);
    await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    const e = await expectError(street.app, 'returns.build', { period: PERIOD }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'encrypt', problem: 'plainNeedsChoice', params: { members: 5 } });
    expect(e.message).toContain('5 名党员的个人信息');
    expect(count(street.app.database, 'return_packages')).toBe(0);
    const built = await street.app.invoke('returns.build', { period: PERIOD, unencrypted: true }, street.token);
    expect(built.package.encrypted).toBe(false);
    const { entries } = await street.app.invoke('audit.list', { action: 'returns.build' }, street.token);
    expect(entries[0]).toMatchObject({ after: { encrypted: false, unencryptedChosen: true } });
  });
});

describe('a finalized month', () => {
  it('sends the records as they stood when finalized: a package built after a change still matches its tables', async () => {
    const street = await sites.street(1, 20);
    await street.app.invoke('returns.check', { period: PERIOD }, street.token);
    await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    const { members } = await street.app.invoke('members.list', { limit: 1, sort: [{ field: 'idNumber', dir: 'asc' }] }, street.token);
    const before = members[0];
    await street.app.invoke('members.update', { id: before.id, version: before.version, fields: { phone: '13600000000' } }, street.token);
    const { bytes, package: p } = await street.app.invoke('returns.build', { period: PERIOD, encrypt: false, unencrypted: true }, street.token);
    expect(p.counts).toMatchObject({ members: 20 });
    const sent = new TextDecoder().decode(unzipSync(bytes)['data/members.jsonl']).trim().split('\n').map((l) => JSON.parse(l) as { idNumber: string; phone: string | null });
    expect(sent.find((m) => m.idNumber === before.idNumber)?.phone).toBe(before.phone);
    // Reopened and finalized again, the return's next version carries the record as it is now.
    await street.app.invoke('returns.reopen', { period: PERIOD, reason: '更正电话' }, street.token);
    await street.app.invoke('returns.check', { period: PERIOD }, street.token);
    await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    const v2 = await street.app.invoke('returns.build', { period: PERIOD, encrypt: false, unencrypted: true }, street.token);
    const resent = new TextDecoder().decode(unzipSync(v2.bytes)['data/members.jsonl']).trim().split('\n').map((l) => JSON.parse(l) as { idNumber: string; phone: string | null });
    expect(resent.find((m) => m.idNumber === before.idNumber)?.phone).toBe('13600000000');
  });

  it('refuses a request accepted, volunteer hours served or a roster row joined in it, naming the month', async () => {
    const street = await sites.street(1, 20);
    await street.app.invoke('returns.check', { period: PERIOD }, street.token);
    await street.app.invoke('returns.finalize', { period: PERIOD }, street.token);
    const [community] = await street.app.invoke('communities.list', {}, street.token);
    const [matter] = await street.app.invoke('matters.list', {}, street.token);
    const late = await expectError(
      street.app,
      'requests.accept',
      { communityId: community.id, matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678', acceptedOn: '2026-10-30' },
      street.token,
      'VALIDATION',
    );
    expect(late.details?.issues?.[0]).toMatchObject({ field: 'acceptedOn', problem: 'periodFinalized', params: { period: PERIOD } });
    expect(count(street.app.database, 'service_requests')).toBe(0);
    await street.app.invoke('requests.accept', { communityId: community.id, matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678' }, street.token);

    const volunteer = await street.app.invoke('volunteers.save', { volunteerName: '郑建国', phone: '13700001111' }, street.token);
    const hours = await expectError(street.app, 'serviceRecords.create', { volunteerId: volunteer.id, servedOn: '2026-10-12', hours: 2, content: '探访' }, street.token, 'VALIDATION');
    expect(hours.details?.issues?.[0]).toMatchObject({ field: 'servedOn', problem: 'periodFinalized' });

    const file = await writeWorkbook(
      nationalRoster([
        memberRow(1, { branch: '幸福社区党委/第1网格党支部', joinDate: '2026-10-08', fullDate: null, category: '预备党员' }),
        memberRow(2, { branch: '幸福社区党委/第1网格党支部', joinDate: '2026-11-02', fullDate: null, category: '预备党员' }),
      ]),
    );
    const report = await importMembers(street.app.database, file, {
      onDuplicate: 'skip',
      createMissingBranches: false,
      dryRun: false,
      lang: 'zh-CN',
      now: street.clock.now(),
      actor: { userId: 1, username: 'admin' },
      fileName: '花名册.xlsx',
    });
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 4, code: 'periodFinalized', value: '2026-10-08' })]);
    expect(report.rejected[0].message).toContain('2026-10 的月报已定稿');
  });
});
