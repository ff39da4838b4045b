// The members page query over a seeded street: filters, search by name / pinyin / ID / phone, sort, pages.
import { describe, expect, it } from 'vitest';
import { refreshStatistics } from '../../../src/core/db/open';
import { seedDemo } from '../../../src/core/services/seed-demo';
import { checkCitizenId } from '../../../src/shared/validators/citizen-id';
import { formatError } from '../../../src/shared/i18n/messages';
import { AGE_BANDS } from '../../../src/shared/api/schemas';
import { appsForEachTest, expectError, addUser, type TestApp } from '../../support/factory';

const app = appsForEachTest();

async function seeded(members = 1500): Promise<TestApp> {
  const t = await app();
  const db = t.app.database;
  db.transaction(() => seedDemo(db, { members, seed: 42 }, new Date()))();
  refreshStatistics(db, 'after-bulk-load');
  return t;
}

const list = (t: TestApp, input: Parameters<TestApp['app']['invoke']>[1] & object) =>
  t.app.invoke('members.list', input as never, t.adminToken);

describe('demo data', () => {
  it('is the same street for the same seed, with valid ID numbers agreeing with sex and birth date', async () => {
    const a = await seeded(300);
    const b = await seeded(300);
    const rows = (t: TestApp) => t.app.database.prepare('SELECT name, id_number, sex, birth_date, category, join_date, full_date FROM members ORDER BY id').all();
    expect(rows(a)).toEqual(rows(b));
    for (const m of rows(a) as { id_number: string; sex: number; birth_date: string; category: string; full_date: string | null }[]) {
      const id = checkCitizenId(m.id_number);
      expect(id.ok, m.id_number).toBe(true);
      if (id.ok) {
        expect(id.sex).toBe(m.sex);
        expect(id.birthDate).toBe(m.birth_date);
      }
      if (m.category === 'probationary') expect(m.full_date).toBeNull();
    }
    const counts = a.app.database.prepare('SELECT sum(mobile) AS mobile, sum(lost_contact) AS lost, sum(category = ?) AS probationary FROM members').get('probationary') as Record<string, number>;
    expect(counts.mobile).toBeGreaterThan(0);
    expect(counts.probationary).toBeGreaterThan(0);
  });

  it('is refused on a database that already has members', async () => {
    const t = await seeded(50);
    expect(() => seedDemo(t.app.database, { members: 10, seed: 1 }, new Date())).toThrow(/already has members/);
  });
});

describe('members.list', () => {
  it('finds 张三丰-style names by pinyin initials and by full pinyin', async () => {
    const t = await seeded();
    const someone = t.app.database.prepare('SELECT name, name_initials, name_pinyin FROM members WHERE length(name) = 3 LIMIT 1').get() as {
      name: string;
      name_initials: string;
      name_pinyin: string;
    };
    const byInitials = await list(t, { query: someone.name_initials, limit: 500 });
    expect(byInitials.members.map((m) => m.name)).toContain(someone.name);
    expect(byInitials.members.every((m) => m.name.length >= 2)).toBe(true);
    const byPinyin = await list(t, { query: someone.name_pinyin.toUpperCase(), limit: 500 });
    expect(byPinyin.members.map((m) => m.name)).toContain(someone.name);
    const byName = await list(t, { query: someone.name.slice(1), limit: 500 });
    expect(byName.members.every((m) => m.name.includes(someone.name.slice(1)))).toBe(true);
    expect(byName.members.map((m) => m.name)).toContain(someone.name);
  });

  it('finds a member by the start of the ID number or the phone', async () => {
    const t = await seeded();
    const m = t.app.database.prepare('SELECT id, id_number, phone FROM members LIMIT 1 OFFSET 77').get() as { id: number; id_number: string; phone: string };
    expect((await list(t, { query: m.id_number })).members.map((r) => r.id)).toEqual([m.id]);
    expect((await list(t, { query: m.phone })).members.map((r) => r.id)).toEqual([m.id]);
  });

  it("shows an organization's whole subtree, and filters combine", async () => {
    const t = await seeded();
    const db = t.app.database;
    const community = db.prepare("SELECT id, community_id FROM organizations WHERE level = 'community_committee' LIMIT 1").get() as { id: number; community_id: number };
    const inCommunity = db.prepare(
      'SELECT count(*) AS n FROM members m JOIN organizations o ON o.id = m.org_id WHERE o.community_id = ?',
    ).get(community.community_id) as { n: number };
    const sub = await list(t, { orgId: community.id, limit: 500 });
    expect(sub.total).toBe(inCommunity.n);
    expect(sub.members.every((m) => m.community !== null)).toBe(true);

    const probationary = await list(t, { orgId: community.id, category: 'probationary', limit: 500 });
    expect(probationary.members.every((m) => m.category === 'probationary' && m.fullDate === null)).toBe(true);
    const mobile = await list(t, { mobile: true, limit: 500 });
    expect(mobile.total).toBeGreaterThan(0);
    expect(mobile.members.every((m) => m.mobile && m.mobileDestination)).toBe(true);
    const retired = await list(t, { occupationGroup: '4', limit: 500 });
    expect(retired.members.every((m) => m.occupation?.startsWith('4'))).toBe(true);
    const root = db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number };
    expect((await list(t, { orgId: root.id })).total).toBe(1500);
  });

  it('sorts by join date and pages without repeating or losing anyone', async () => {
    const t = await seeded();
    const seen: number[] = [];
    let previous = '';
    for (let offset = 0; offset < 1500; offset += 400) {
      const page = await list(t, { sort: [{ field: 'joinDate', dir: 'asc' }], offset, limit: 400 });
      for (const m of page.members) {
        expect((m.joinDate ?? '') >= previous).toBe(true);
        previous = m.joinDate ?? '';
        seen.push(m.id);
      }
    }
    expect(new Set(seen).size).toBe(1500);
  });

  it('refuses a bad filter naming the field, and anyone not logged in', async () => {
    const t = await seeded(20);
    const error = await expectError(t.app, 'members.list', { category: 'honorary' } as never, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'category', value: 'honorary' });
    await expectError(t.app, 'members.list', {}, null, 'UNAUTHENTICATED');
    const viewer = await addUser(t, 'viewer');
    expect((await t.app.invoke('members.list', {}, viewer.token)).total).toBe(20);
  });
});

describe('the overview’s filters', () => {
  it('take the age band on the app’s day (35 on the 35th birthday), the education code or none, and the join year', async () => {
    const t = await app({ start: new Date(2026, 10, 6, 9, 0, 0) });
    const db = t.app.database;
    db.transaction(() => seedDemo(db, { members: 200, seed: 7 }, new Date()))();
    const [a, b, c] = (db.prepare("SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 3").pluck().all() as number[]);
    // 35 today, 35 tomorrow: the first is in 35–45, the second still under 35.
    const set = db.prepare('UPDATE members SET birth_date = ?, education = ?, join_date = ? WHERE id = ?');
    set.run('1991-11-06', null, '2019-12-31', a);
    set.run('1991-11-07', '21', '2020-01-01', b);
    set.run('1956-11-07', '21', '2020-12-31', c);
    const ids = async (filter: Record<string, unknown>) => (await list(t, { ...filter, limit: 500 })).members.map((m) => m.id);
    expect(await ids({ ageBand: 'from35to45' })).toContain(a);
    expect(await ids({ ageBand: 'under35' })).not.toContain(a);
    expect(await ids({ ageBand: 'under35' })).toContain(b);
    expect(await ids({ ageBand: 'over70' })).not.toContain(c);
    expect(await ids({ ageBand: 'from61to70' })).toContain(c);
    expect(await ids({ education: null })).toContain(a);
    expect(await ids({ education: null })).not.toContain(b);
    expect(await ids({ education: '21' })).toEqual(expect.arrayContaining([b, c]));
    expect(await ids({ joinYear: 2020 })).toEqual(expect.arrayContaining([b, c]));
    expect(await ids({ joinYear: 2020 })).not.toContain(a);
    // The bands split the roll: each member is in exactly one.
    const bands = AGE_BANDS;
    const totals = await Promise.all(bands.map(async (ageBand) => (await list(t, { ageBand, limit: 1 })).total));
    expect(totals.reduce((n, x) => n + x, 0)).toBe((await list(t, { limit: 1 })).total);
    // A band that is not one is refused naming the field and the value, in the user's language.
    const error = await expectError(t.app, 'members.list', { ageBand: 'teen' } as never, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'ageBand', value: 'teen' });
    expect(formatError(error, 'zh-CN', 'members.list')).toContain('年龄段');
    expect(formatError(error, 'en', 'members.list')).toContain('Age band');
  });
});

describe('search by the last digits (尾号)', () => {
  it('finds every member whose phone or ID number ends in the digits, and only those, through the index', async () => {
    const t = await seeded(1500);
    const db = t.app.database;
    const all = db.prepare("SELECT id, id_number, phone FROM members WHERE status = 'active'").all() as { id: number; id_number: string; phone: string | null }[];
    for (const sample of [all[3], all[700], all[1400]]) {
      for (const [digits, source] of [
        [sample.id_number.slice(-4), 'id'],
        [sample.id_number.slice(-6), 'id'],
        [(sample.phone ?? sample.id_number).slice(-5), 'phone'],
      ] as const) {
        const want = all.filter((m) => m.id_number.endsWith(digits) || (m.phone ?? '').endsWith(digits)).map((m) => m.id).sort((a, b) => a - b);
        const found = await list(t, { query: `尾号 ${digits}`, limit: 500, sort: [] });
        expect(found.members.map((m) => m.id).sort((a, b) => a - b), `${source} ${digits}`).toEqual(want);
        // Typed alone, the digits also find numbers that begin with them.
        const alone = await list(t, { query: digits, limit: 500, sort: [] });
        expect(alone.members.map((m) => m.id)).toEqual(expect.arrayContaining(want));
      }
    }
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM members WHERE (substr(id_number, -4) = '5217' AND id_number GLOB '*5217') OR (substr(phone, -4) = '5217' AND phone GLOB '*5217')`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('members_id_tail');
    expect(plan).toContain('members_phone_tail');
  });
});
