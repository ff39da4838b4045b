// The secretary's overview through the contract on a real SQLite file: a seeded street (members, five years
// of organizational life, the counter's requests), each tile's figure against the count the page it links
// to shows for the same filter, and a clerk limited to one community who sees that community's figures only.
import { describe, expect, it } from 'vitest';
import { USER_PASSWORD, appsForEachTest, expectOk, type TestApp } from '../../support/factory';

const app = appsForEachTest();
/** A week after the made-up street's reference day, so its October is a whole month behind us. */
const START = new Date(2026, 10, 6, 9, 0, 0);

async function seededStreet(): Promise<TestApp> {
  const t = await app({ start: START });
  await expectOk(t.app, 'demo.seed', { members: 900, requests: 500, seed: 7, meetings: true, until: '2026-10-31' }, t.adminToken);
  // Dues bases for a handful of members, so October's ledger has rows (and arrears: nothing is paid).
  const some = (await expectOk(t.app, 'members.list', { limit: 5 }, t.adminToken)).members;
  for (const m of some) await expectOk(t.app, 'dues.saveBase', { memberId: m.id, category: 'working', baseFen: 300000, effectiveMonth: '2026-01' }, t.adminToken);
  await expectOk(t.app, 'dues.generate', { period: '2026-10' }, t.adminToken);
  return t;
}

describe('the overview', () => {
  it('shows for each tile the count of the page it links to', async () => {
    const t = await seededStreet();
    const call = <M extends Parameters<typeof expectOk>[1]>(method: M, input: Parameters<typeof expectOk<M>>[2]) => expectOk(t.app, method, input, t.adminToken);
    const o = await call('overview.get', { period: '2026-10', span: 'month' });
    const members = async (filter: Record<string, unknown>) => (await call('members.list', { ...filter, limit: 1 })).total;

    expect(o.members.total.count).toBeGreaterThan(800);
    expect(o.members.total.count).toBe(await members({}));
    expect(o.members.full.count).toBe(await members({ category: 'full' }));
    expect(o.members.probationary.count).toBe(await members({ category: 'probationary' }));
    expect(o.members.mobile.count).toBe(await members({ mobile: true }));
    expect(o.members.mobile.count).toBeGreaterThan(0);
    expect(o.members.lostContact.count).toBe(await members({ lostContact: true }));
    expect(o.members.hardship.count).toBe(await members({ hardship: true }));
    for (const c of o.members.byCommunity.filter((x) => x.communityId !== null)) {
      expect(c.full + c.probationary, c.communityName ?? '').toBe(await members({ communityId: c.communityId }));
    }
    expect(o.members.ages.reduce((n, a) => n + a.count, 0)).toBe(o.members.total.count);
    expect(o.members.education.reduce((n, a) => n + a.count, 0)).toBe(o.members.total.count);
    // Each age band, education and join year opens the members page filtered to it, whose total is the figure.
    for (const a of o.members.ages) expect(a.count, a.band).toBe(await members({ ageBand: a.band }));
    expect(o.members.ages.filter((a) => a.count > 0).length).toBeGreaterThan(2);
    for (const e of o.members.education) expect(e.count, e.label).toBe(await members({ education: e.code }));
    expect(o.members.education.filter((e) => e.code !== null).length).toBeGreaterThan(2);
    for (const y of o.members.joinedByYear) expect(y.count, y.year).toBe(await members({ joinYear: Number(y.year) }));
    expect(o.members.joinedByYear.length).toBeGreaterThan(2);

    const stats = await call('counter.stats', { period: '2026-10' });
    expect(o.counter.accepted.count).toBe(stats.accepted);
    expect(o.counter.accepted.count).toBeGreaterThan(0);
    expect(o.counter.onTime).toMatchObject({ done: stats.closedOnTime, total: stats.closed });
    expect(o.counter.overdueNow.count).toBe((await call('requests.list', { overdue: true, limit: 1 })).total);
    expect(o.counter.overdueNow.link).toBe('/counter/overdue');
    expect(o.volunteerHours.hours).toBeCloseTo(stats.volunteerHoursByTeam.reduce((n, h) => n + h.hours, 0), 1);

    // Organizational life for the span: the compliance page at the tile's address (#/life/compliance/2026-10).
    const life = await call('life.compliance', { year: 2026, month: 10 });
    expect(o.life).toMatchObject({ period: '2026-10', link: '/life/compliance/2026-10' });
    expect(o.life.street).toMatchObject({ done: life.street.done, total: life.street.due });
    expect(o.life.street.total).toBeGreaterThan(0);
    expect(o.life.missing.count).toBe(life.overdue.length);

    const ledger = await call('dues.ledger', { period: '2026-10' });
    expect(o.dues).toMatchObject({ period: '2026-10', dueFen: ledger.totals.dueFen, paidFen: ledger.totals.paidFen, members: ledger.totals.members });
    expect(o.dues.members).toBeGreaterThan(0);
    expect(o.dues.arrears.count).toBe((await call('dues.arrears', { minMonths: 1 })).rows.length);
    expect(o.dues.arrears.count).toBeGreaterThan(0);

    expect(o.transfers.open.count).toBe((await call('transfers.list', { open: true, limit: 1 })).total);
    expect(o.develop.total.count).toBe((await call('develop.list', {})).people.length);
    const projects = await call('projects.stats', { year: 2026 });
    expect(o.projects.street).toMatchObject({ done: projects.street.done, total: projects.street.total });
    const terms = await call('terms.list', {});
    expect(o.elections.overdue.count).toBe(terms.filter((x) => x.reminder === 'overdue').length);

    // A quarter adds the months of the quarter up to now: October and November of the fourth.
    const quarter = await call('overview.get', { period: '2026-10', span: 'quarter' });
    const november = await call('counter.stats', { period: '2026-11' });
    expect([quarter.fromMonth, quarter.toMonth]).toEqual(['2026-10', '2026-12']);
    expect(quarter.counter.accepted.count).toBe(stats.accepted + november.accepted);
    // The quarter's organizational life is the compliance page's fourth quarter, not the year to date.
    const lifeQ4 = await call('life.compliance', { year: 2026, quarter: 4 });
    const lifeYear = await call('life.compliance', { year: 2026 });
    expect(quarter.life).toMatchObject({ period: '2026-Q4', link: '/life/compliance/2026-Q4' });
    expect(quarter.life.street).toMatchObject({ done: lifeQ4.street.done, total: lifeQ4.street.due });
    expect(quarter.life.missing.count).toBe(lifeQ4.overdue.length);
    expect(quarter.life.street.total).toBeLessThan(lifeYear.street.due);
    for (const c of quarter.life.byCommunity) expect(c.total, c.communityName ?? '').toBe(lifeQ4.communities.find((x) => x.communityName === c.communityName)!.due);
    const year = await call('overview.get', { period: '2026-10', span: 'year' });
    expect(year.life.street).toMatchObject({ done: lifeYear.street.done, total: lifeYear.street.due });
    expect(year.life.link).toBe('/life/compliance/2026');

    // Read in one pass over the months, the quarter's figures are still the months' sums.
    expect(quarter.counter.onTime).toMatchObject({ done: stats.closedOnTime + november.closedOnTime, total: stats.closed + november.closed });
    expect(quarter.counter.byList.map((l) => l.count)).toEqual(stats.byList.map((l, i) => l.count + november.byList[i].count));
    const teamHours = [...stats.volunteerHoursByTeam, ...november.volunteerHoursByTeam].reduce((n, h) => n + h.hours, 0);
    expect(quarter.volunteerHours.hours).toBeCloseTo(teamHours, 1);

    // Needs attention: overdue before due soon, each with the page where it is handled.
    expect(o.attention.length).toBeGreaterThan(0);
    const firstSoon = o.attention.findIndex((a) => a.severity === 'dueSoon');
    if (firstSoon >= 0) expect(o.attention.slice(firstSoon).every((a) => a.severity === 'dueSoon')).toBe(true);
    expect(o.attention.every((a) => a.link.startsWith('/'))).toBe(true);
    // The ranking's rates are each community's own page figures.
    for (const r of o.ranking) {
      const own = await call('counter.stats', { period: '2026-10', communityId: r.communityId });
      expect(r.onTimeRate, r.communityName).toBe(own.onTimeRate);
      const lifeRate = life.communities.find((c) => c.communityId === r.communityId)!;
      expect(r.lifeRate).toBe(lifeRate.rate);
    }
    expect(o.ranking.some((r) => r.onTimeRate !== null)).toBe(true);
    expect(o.ranking.length).toBe(o.members.byCommunity.filter((c) => c.communityId !== null).length);
  });

  it('reads a past quarter and a past month as their pages show them for that period', async () => {
    const t = await app({ start: START });
    await expectOk(t.app, 'demo.seed', { members: 900, requests: 0, seed: 11, develop: true, until: '2026-10-31' }, t.adminToken);
    const call = <M extends Parameters<typeof expectOk>[1]>(method: M, input: Parameters<typeof expectOk<M>>[2]) => expectOk(t.app, method, input, t.adminToken);
    // Ledgers for August to October, nothing paid: arrears grow a month at a time.
    for (const m of (await call('members.list', { limit: 6 })).members) await call('dues.saveBase', { memberId: m.id, category: 'working', baseFen: 300000, effectiveMonth: '2026-01' });
    for (const period of ['2026-08', '2026-09', '2026-10']) await call('dues.generate', { period });
    // Someone leaves the roll in September, so the end of the quarter and today differ.
    const leaver = (await call('members.list', { offset: 20, limit: 1 })).members[0];
    await call('members.leave', { id: leaver.id, version: leaver.version, on: '2026-09-15', reason: 'death' });

    const table = (r: { tables: { id: string; total: Record<string, number | null> }[] }, id: string) => r.tables.find((x) => x.id === id)!.total;
    const returns = await Promise.all(['2026-07', '2026-08', '2026-09'].map((period) => call('returns.get', { period })));
    const september = returns[2];
    const sum = (key: string, id: string) => returns.reduce((n, r) => n + (table(r, id)[key] ?? 0), 0);
    const terms = await call('terms.list', {});

    const periods: [period: string, span: 'quarter' | 'month', months: typeof returns][] = [
      ['2026-07', 'quarter', returns],
      ['2026-09', 'month', [september]],
    ];
    for (const [period, span, months] of periods) {
      const o = await call('overview.get', { period, span });
      expect([o.asOf, o.current, o.members.asOf, o.members.current], span).toEqual(['2026-09-30', false, '2026-09-30', false]);
      // The roll on 30 September: the September return's members table, which the figures link to.
      const roll = table(september, 'membersByCommunity');
      expect(o.members.total).toEqual({ count: roll.total, link: '/returns/2026-09' });
      for (const key of ['full', 'probationary', 'mobile', 'lostContact', 'hardship'] as const) expect(o.members[key].count, `${span} ${key}`).toBe(roll[key]);
      expect(o.members.byCommunity.reduce((n, c) => n + c.full + c.probationary, 0)).toBe(roll.total);
      // Joined and left in the period: the returns' changes, month by month.
      const changes = (key: string) => months.reduce((n, r) => n + (table(r, 'changes')[key] ?? 0), 0);
      expect(o.members.joined.count, span).toBe(changes('joined'));
      expect(o.members.left.count, span).toBe(changes('transferredOut') + changes('died') + changes('leftParty'));
      expect(o.members.left.count, span).toBeGreaterThan(0);
      // Steps of the development path taken in the period: the returns' development table.
      const dev = (key: string) => months.reduce((n, r) => n + (table(r, 'development')[key] ?? 0), 0);
      expect(o.develop.steps, span).toEqual({ applications: dev('applications'), activists: dev('activists'), candidates: dev('candidates'), admissions: dev('admissions'), madeFull: dev('madeFull') });
      expect(o.develop.stepsLink).toBe('/returns/2026-09');
      expect(o.develop.total.link).toBeNull();
      expect(o.develop.byStage.reduce((n, s) => n + s.count, 0)).toBeLessThanOrEqual(o.develop.total.count);
      // Arrears as of September: the arrears page asked for that month.
      expect(o.dues.period).toBe('2026-09');
      expect(o.dues.arrears).toEqual({ count: (await call('dues.arrears', { minMonths: 1, asOf: '2026-09' })).rows.length, link: '/dues/arrears/2026-09/1' });
      expect(o.dues.arrearsSixMonths).toEqual({ count: (await call('dues.arrears', { minMonths: 6, asOf: '2026-09' })).rows.length, link: '/dues/arrears/2026-09/6' });
      expect(o.dues.arrears.count).toBeGreaterThan(0);
      // Terms: due within the period, and overdue on its last day.
      expect(o.elections.dueInPeriod.count).toBe((await call('terms.list', { before: '2026-09-30' })).filter((x) => x.dueOn! >= `${months === returns ? '2026-07' : '2026-09'}-01`).length);
      expect(o.elections.overdue.count).toBe(terms.filter((x) => x.dueOn !== null && x.dueOn < '2026-09-30').length);
    }
    expect(sum('applications', 'development') + sum('admissions', 'development')).toBeGreaterThan(0);

    // The current month counts the roll of today, as the members page lists it.
    const now = await call('overview.get', { period: '2026-11', span: 'month' });
    expect([now.asOf, now.current]).toEqual(['2026-11-06', true]);
    expect(now.members.total).toEqual({ count: (await call('members.list', { limit: 1 })).total, link: '/members' });
    expect(now.develop.total).toEqual({ count: (await call('develop.list', {})).people.length, link: '/develop' });
    expect(now.dues.arrears.count).toBe((await call('dues.arrears', { minMonths: 1 })).rows.length);
  });

  it('gives a user limited to one community that community’s figures only', async () => {
    const t = await seededStreet();
    const communities = await expectOk(t.app, 'communities.list', {}, t.adminToken);
    const mine = communities[1];
    await expectOk(t.app, 'users.create', { username: 'heping', displayName: '和平社区干事', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: mine.divisionCode }, t.adminToken);
    const token = (await t.app.invoke('auth.login', { username: 'heping', password: USER_PASSWORD })).token;
    const street = await expectOk(t.app, 'overview.get', { period: '2026-10' }, t.adminToken);
    const o = await expectOk(t.app, 'overview.get', { period: '2026-10' }, token);

    expect(o.communityName).toBe(mine.name);
    expect(o.members.total.count).toBe((await expectOk(t.app, 'members.list', { communityId: mine.id, limit: 1 }, t.adminToken)).total);
    expect(o.members.total.count).toBeLessThan(street.members.total.count);
    expect(o.members.byCommunity.map((c) => c.communityName)).toEqual([mine.name]);
    expect(o.ranking.map((r) => r.communityName)).toEqual([mine.name]);
    expect(o.counter.accepted.count).toBe((await expectOk(t.app, 'counter.stats', { period: '2026-10', communityId: mine.id }, t.adminToken)).accepted);
    expect(o.counter.accepted.count).toBeLessThan(street.counter.accepted.count);
    const others = communities.filter((c) => c.id !== mine.id).map((c) => c.name);
    expect(o.attention.filter((a) => a.communityName !== null && others.includes(a.communityName))).toEqual([]);
    expect(o.life.byCommunity.every((c) => c.communityName === mine.name)).toBe(true);

    // A past month: the community's roll on its last day is its row of that month's return.
    const past = await expectOk(t.app, 'overview.get', { period: '2026-09', span: 'month' }, token);
    const september = await expectOk(t.app, 'returns.get', { period: '2026-09' }, t.adminToken);
    const row = september.tables.find((x) => x.id === 'membersByCommunity')!.rows.find((r) => r.key === mine.divisionCode)!;
    expect(past.members.total).toEqual({ count: row.values.total, link: '/returns/2026-09' });
    expect(past.members.full.count).toBe(row.values.full);
    expect(past.members.total.count).toBeLessThan((await expectOk(t.app, 'overview.get', { period: '2026-09', span: 'month' }, t.adminToken)).members.total.count);
    expect(past.members.byCommunity.map((c) => c.communityName)).toEqual([mine.name]);
  });
});
