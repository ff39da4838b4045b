// What the dues services share: the street's farmer standard, the organizations' communities, a member as
// the ledger needs them, the base in force for a month, and the months a member is on the roll.
import type { Db } from '../../db/connection';
import type { Language } from '../../../shared/api/schemas';
import { FARMER_DEFAULT_FEN, monthlyDues, ruleText, type DuesAmount, type DuesCategory } from '../../../shared/dues/rates';
import { DUES_TEXT } from '../../../shared/i18n/messages-dues';
import { addMonths, formatFen } from '../../../shared/dues/money';
import type { DuesAdjustment } from '../../../shared/api/schemas-dues';
import { notFound } from '../counter/refusals';

export const FARMER_SETTING = 'duesFarmerFen';

/** The street's monthly dues for farmer members, in fen (0.5 yuan unless set). */
export function farmerFen(db: Db): number {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(FARMER_SETTING) as string | undefined;
  return value === undefined ? FARMER_DEFAULT_FEN : Number(value);
}

export function saveFarmerFen(db: Db, fen: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FARMER_SETTING, String(fen));
}

/** A member's ledger months, the latest first. */
export function ledgerMonths(db: Db, memberId: number): { period: string; due_fen: number; paid_fen: number }[] {
  return db.prepare('SELECT period, due_fen, paid_fen FROM dues_ledger WHERE member_id = ? ORDER BY period DESC').all(memberId) as { period: string; due_fen: number; paid_fen: number }[];
}

export interface OrgInfo {
  id: number;
  name: string;
  level: string;
  communityId: number | null;
  community: string | null;
}

/** Every organization with the community it belongs to (its own, or its nearest ancestor's). */
export function orgInfos(db: Db): Map<number, OrgInfo> {
  const rows = db.prepare('SELECT o.id, o.parent_id, o.name, o.level, o.community_id, c.name AS community FROM organizations o LEFT JOIN communities c ON c.id = o.community_id').all() as {
    id: number;
    parent_id: number | null;
    name: string;
    level: string;
    community_id: number | null;
    community: string | null;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, OrgInfo>();
  for (const r of rows) {
    let at: (typeof rows)[number] | undefined = r;
    for (let hops = 0; at && at.community_id === null && hops < 20; hops++) at = at.parent_id === null ? undefined : byId.get(at.parent_id);
    out.set(r.id, { id: r.id, name: r.name, level: r.level, communityId: at?.community_id ?? null, community: at?.community ?? null });
  }
  return out;
}

export interface DuesMember {
  id: number;
  name: string;
  id_number: string;
  org_id: number;
  join_date: string | null;
  status: string;
  left_on: string | null;
}

export function duesMember(db: Db, id: number): DuesMember {
  const m = db.prepare('SELECT id, name, id_number, org_id, join_date, status, left_on FROM members WHERE id = ?').get(id) as DuesMember | undefined;
  if (!m) throw notFound('member', id);
  return m;
}

/** The month an incoming introduction letter says the member's dues were paid to (the latest received one). */
export function broughtPaidTo(db: Db, memberId: number): string | null {
  return (
    (db.prepare("SELECT max(dues_paid_to) FROM transfers WHERE member_id = ? AND direction = 'in' AND status IN ('received', 'receipt_returned')").pluck().get(memberId) as string | null) ?? null
  );
}

/**
 * The first month a member pays for here: the month of admission (a probationary member pays from it too), or
 * the month after the one a received introduction letter says was paid elsewhere, whichever is later.
 */
export function firstDuesMonth(db: Db, m: Pick<DuesMember, 'id' | 'join_date'>): string | null {
  const brought = broughtPaidTo(db, m.id);
  const after = brought ? addMonths(brought, 1) : null;
  const joined = m.join_date ? m.join_date.slice(0, 7) : null;
  if (joined === null || after === null) return joined ?? after;
  return after > joined ? after : joined;
}

export interface BaseRow {
  id: number;
  member_id: number;
  category: DuesCategory;
  base_fen: number | null;
  effective_month: string;
  adjustment: DuesAdjustment;
  reduced_fen: number | null;
  approved_by: string | null;
  approved_on: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** The base in force for `period`: the one with the latest effective month not after it. */
export function baseAt(db: Db, memberId: number, period: string): BaseRow | undefined {
  return db.prepare('SELECT * FROM dues_bases WHERE member_id = ? AND effective_month <= ? ORDER BY effective_month DESC LIMIT 1').get(memberId, period) as BaseRow | undefined;
}

/** The monthly amount of a base, with an approved reduction or exemption applied. */
export function dueOf(base: Pick<BaseRow, 'category' | 'base_fen' | 'adjustment' | 'reduced_fen'>, farmer: number): { amount: DuesAmount; dueFen: number } {
  const amount = monthlyDues(base.category, base.base_fen, farmer);
  const dueFen = base.adjustment === 'exempt' ? 0 : base.adjustment === 'reduced' ? (base.reduced_fen ?? 0) : amount.monthlyFen;
  return { amount, dueFen };
}

/** The rule behind a base's amount, with the approval of a reduction or exemption when there is one. */
export function baseRule(base: Pick<BaseRow, 'category' | 'base_fen' | 'adjustment' | 'reduced_fen' | 'approved_by' | 'approved_on'>, farmer: number, lang: Language): string {
  const { amount, dueFen } = dueOf(base, farmer);
  const text = DUES_TEXT[lang];
  const approval = { approvedBy: base.approved_by ?? '', approvedOn: base.approved_on ?? '' };
  if (base.adjustment === 'exempt') return `${ruleText(amount, lang)}${text.joiner}${fill(text.ruleExempt, approval)}`;
  if (base.adjustment === 'reduced') return `${ruleText(amount, lang)}${text.joiner}${fill(text.ruleReduced, { ...approval, amount: formatFen(dueFen) })}`;
  return ruleText(amount, lang);
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
}

/** The period (YYYY-MM) of a day. */
export const periodOf = (day: string): string => day.slice(0, 7);
