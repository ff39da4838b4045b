// The street's rules of organizational life (how often each kind of meeting is due, the activity week, each
// branch's fixed day) and the activity-week calendar of a month built on them.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { LifeCalendar, LifeRules } from '../../../shared/api/contract-life';
import { MEETING_TYPES, type LifeFrequency, type MeetingStatus, type MeetingType } from '../../../shared/api/schemas-life';
import { DEFAULT_FREQUENCY, activityWeek, fixedDay } from '../../../shared/life-rules';
import type { Scope } from '../../scope';
import { refuse } from '../counter/refusals';

/** The organizations whose compliance is watched: open branches (支部), in the tree's order. */
export function branchRows(db: Db, scope: Scope | null, year?: number): { id: number; name: string; community_id: number | null; community_name: string | null }[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.name, o.community_id, c.name AS community_name FROM organizations o LEFT JOIN communities c ON c.id = o.community_id
       WHERE o.level = 'branch' AND (o.closed_on IS NULL OR o.closed_on >= @from)
       ORDER BY c.division_code, o.sort_order, o.id`,
    )
    .all({ from: year === undefined ? '9999' : `${year}-01-01` }) as { id: number; name: string; community_id: number | null; community_name: string | null }[];
  return scope ? rows.filter((r) => scope.hasOrg(r.id)) : rows;
}

export function frequencies(db: Db): Record<MeetingType, LifeFrequency> {
  const out = { ...DEFAULT_FREQUENCY };
  for (const r of db.prepare('SELECT type, frequency FROM life_rules').all() as { type: MeetingType; frequency: LifeFrequency }[]) out[r.type] = r.frequency;
  return out;
}

export function activityWeekSetting(db: Db): number {
  return (db.prepare('SELECT activity_week FROM life_settings WHERE id = 1').pluck().get() as number | undefined) ?? 2;
}

export function lifeRules(db: Db, scope: Scope | null): LifeRules {
  const days = new Map((db.prepare('SELECT org_id, weekday FROM life_org_days').all() as { org_id: number; weekday: number }[]).map((d) => [d.org_id, d.weekday]));
  return {
    frequencies: frequencies(db),
    activityWeek: activityWeekSetting(db),
    orgDays: branchRows(db, scope).map((b) => ({ orgId: b.id, orgName: b.name, weekday: days.get(b.id) ?? null })),
  };
}

export function saveLifeRules(db: Db, input: ApiParsedInput<'life.saveRules'>, now: Date): { before: LifeRules; after: LifeRules } {
  const before = lifeRules(db, null);
  const upsert = db.prepare('INSERT INTO life_rules (type, frequency) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET frequency = excluded.frequency');
  for (const type of MEETING_TYPES) {
    const f = input.frequencies[type];
    if (f) upsert.run(type, f);
  }
  if (input.activityWeek !== undefined) db.prepare('UPDATE life_settings SET activity_week = ?, updated_at = ? WHERE id = 1').run(input.activityWeek, now.toISOString());
  const isOrg = db.prepare('SELECT 1 FROM organizations WHERE id = ?');
  input.orgDays.forEach((d, i) => {
    if (!isOrg.get(d.orgId)) throw refuse(`orgDays.${i}.orgId`, 'notFound', d.orgId);
    if (d.weekday === null) db.prepare('DELETE FROM life_org_days WHERE org_id = ?').run(d.orgId);
    else db.prepare('INSERT INTO life_org_days (org_id, weekday) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE SET weekday = excluded.weekday').run(d.orgId, d.weekday);
  });
  return { before, after: lifeRules(db, null) };
}

/** The month's activity week, each branch's fixed day in it, and the branch's meetings of the month (planned and held). */
export function lifeCalendar(db: Db, year: number, month: number, scope: Scope | null): LifeCalendar {
  const week = activityWeekSetting(db);
  const { start, end } = activityWeek(year, month, week);
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  const days = new Map((db.prepare('SELECT org_id, weekday FROM life_org_days').all() as { org_id: number; weekday: number }[]).map((d) => [d.org_id, d.weekday]));
  const meetings = db
    .prepare(
      `SELECT mo.org_id, mt.id, mt.type AS meetingType, mt.held_on AS heldOn, mt.status, mt.topic FROM meeting_orgs mo JOIN meetings mt ON mt.id = mo.meeting_id
       WHERE substr(mt.held_on, 1, 7) = ? ORDER BY mt.held_on, mt.id`,
    )
    .all(prefix) as { org_id: number; id: number; meetingType: MeetingType; heldOn: string; status: MeetingStatus; topic: string }[];
  const byOrg = new Map<number, LifeCalendar['branches'][number]['meetings']>();
  for (const { org_id, ...m } of meetings) byOrg.set(org_id, [...(byOrg.get(org_id) ?? []), m]);
  return {
    year,
    month,
    activityWeek: week,
    weekStart: start,
    weekEnd: end,
    branches: branchRows(db, scope).map((b) => {
      const weekday = days.get(b.id) ?? null;
      return { orgId: b.id, orgName: b.name, communityName: b.community_name, weekday, date: weekday === null ? null : fixedDay({ start }, weekday), meetings: byOrg.get(b.id) ?? [] };
    }),
  };
}
