// The two settings of the development rules: the public notice's period in working days (default 5) and the
// higher committee's approval limit in months (default 3, at most 6). Kept in the settings table by key.
import type { Db } from '../../db/connection';
import type { DevelopSettings } from '../../../shared/api/contract-develop';
import { APPROVAL_MONTHS, NOTICE_WORKDAYS, type RuleOptions } from '../../../shared/develop/rules';
import { first, qb, run } from '../../db/query';
import { workdayCalendar } from '../counter/workdays';

const KEYS = { noticeWorkdays: 'develop_notice_workdays', approvalMonths: 'develop_approval_months' } as const;

function readInt(db: Db, key: string, bounds: { default: number; min: number; max: number }): number {
  const row = first(db, qb.selectFrom('settings').select('value').where('key', '=', key));
  const n = row ? Number(row.value) : bounds.default;
  return Number.isInteger(n) && n >= bounds.min && n <= bounds.max ? n : bounds.default;
}

export function developSettings(db: Db): DevelopSettings {
  return { noticeWorkdays: readInt(db, KEYS.noticeWorkdays, NOTICE_WORKDAYS), approvalMonths: readInt(db, KEYS.approvalMonths, APPROVAL_MONTHS) };
}

export function saveDevelopSettings(db: Db, settings: DevelopSettings): DevelopSettings {
  for (const [field, key] of Object.entries(KEYS) as [keyof DevelopSettings, string][]) {
    const value = String(settings[field]);
    run(db, qb.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
  }
  return developSettings(db);
}

/** The rules as this street applies them: its settings and its working-day calendar (the counter's). */
export function ruleOptions(db: Db, complete = true): RuleOptions {
  const calendar = workdayCalendar(db);
  return { ...developSettings(db), addWorkdays: (from, n) => calendar.addWorkdays(from, n), complete };
}
