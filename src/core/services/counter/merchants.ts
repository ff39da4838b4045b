// Partner merchants of the ten-minute life service circle (十分钟生活服务圈): what each agreement offers
// residents and when it ends; agreements ending within 30 days are listed for renewal.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { MerchantInfo } from '../../../shared/api/contract-counter';
import { AGREEMENT_WARNING_DAYS } from '../../../shared/api/schemas-counter';
import type { FieldIssue } from '../../../shared/result';
import { normalizePhone } from '../../../shared/validators';
import { all, first, qb, run } from '../../db/query';
import type { PartnerMerchant } from '../../db/schema-counter';
import { issue, notFound, refused } from './refusals';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const toMerchantInfo = (m: PartnerMerchant, today: string): MerchantInfo => ({
  id: m.id,
  name: m.name,
  category: m.category,
  address: m.address,
  walkMinutes: m.walk_minutes,
  offer: m.offer,
  contact: m.contact,
  phone: m.phone,
  agreementStart: m.agreement_start,
  agreementEnd: m.agreement_end,
  active: m.active === 1,
  daysLeft: daysBetween(today, m.agreement_end),
});

export function listMerchants(db: Db, includeInactive: boolean, today: string): { merchants: MerchantInfo[]; endingSoon: MerchantInfo[] } {
  let q = qb.selectFrom('partner_merchants').selectAll().orderBy('active', 'desc').orderBy('category').orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  const merchants = all(db, q).map((m) => toMerchantInfo(m, today));
  const endingSoon = merchants
    .filter((m) => m.active && m.daysLeft >= 0 && m.daysLeft <= AGREEMENT_WARNING_DAYS)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  return { merchants, endingSoon };
}

export function getMerchant(db: Db, id: number): PartnerMerchant {
  const m = first(db, qb.selectFrom('partner_merchants').selectAll().where('id', '=', id));
  if (!m) throw notFound('partner_merchant', id);
  return m;
}

export function saveMerchant(db: Db, input: ApiParsedInput<'merchants.save'>, now: Date): { before: PartnerMerchant | null; after: PartnerMerchant } {
  const before = input.id === undefined ? null : getMerchant(db, input.id);
  const problems: FieldIssue[] = [];
  const phone = input.phone.trim() === '' ? null : normalizePhone(input.phone);
  if (phone && !phone.ok) problems.push(issue('phone', phone.problem, input.phone));
  if (input.agreementEnd < input.agreementStart) problems.push(issue('agreementEnd', 'agreementEndBeforeStart', input.agreementEnd, { start: input.agreementStart }));
  if (problems.length) throw refused(problems);
  const values = {
    name: input.merchantName,
    category: input.category,
    address: input.address,
    walk_minutes: input.walkMinutes ?? null,
    offer: input.offer,
    contact: input.contact || null,
    phone: phone?.ok ? phone.value : null,
    agreement_start: input.agreementStart,
    agreement_end: input.agreementEnd,
    active: input.active ? 1 : 0,
    updated_at: now.toISOString(),
  };
  if (before) {
    run(db, qb.updateTable('partner_merchants').set(values).where('id', '=', before.id));
    return { before, after: getMerchant(db, before.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('partner_merchants').values({ ...values, created_at: now.toISOString() }));
  return { before: null, after: getMerchant(db, lastInsertRowid) };
}
