// The dues papers' data: a receipt (number, amount in figures and in 大写), the branch's publication board
// (names and amounts only, through the public-board mask: no ID, no phone), the yearly statement per member
// or per branch, and the month's remittance sheet to the higher committee.
import type { Db } from '../../db/connection';
import { paperDate } from '../../../shared/api/contract-print';
import type { DuesBoard, DuesReceipt, DuesRemittance, DuesStatement } from '../../../shared/api/contract-dues';
import type { Language } from '../../../shared/api/schemas';
import { fenToCapital } from '../../../shared/dues/capital';
import { formatFen } from '../../../shared/dues/money';
import type { DuesCategory } from '../../../shared/dues/rates';
import { publicCell } from '../print/public-board';
import { notFound } from '../counter/refusals';
import { orgInfos } from './common';
import { paymentInfo } from './payments';

function orgIn(column: string, orgIds: readonly number[] | null): string {
  return orgIds === null ? '1' : `${column} IN (${orgIds.map(Number).join(',') || '-1'})`;
}

export function receipt(db: Db, paymentId: number, lang: Language): DuesReceipt {
  const payment = paymentInfo(db, paymentId);
  const streetName = (db.prepare('SELECT name FROM street LIMIT 1').pluck().get() as string | undefined) ?? '';
  const abs = Math.abs(payment.amountFen);
  return { streetName, payment, amount: formatFen(payment.amountFen, true), capital: (payment.amountFen < 0 ? '-' : '') + fenToCapital(abs), paidOnText: paperDate(payment.paidOn, lang) };
}

export function board(db: Db, orgId: number, period: string, orgIds: readonly number[]): DuesBoard {
  const org = orgInfos(db).get(orgId);
  if (!org) throw notFound('organization', orgId);
  const rows = db
    .prepare(`SELECT m.name, l.category, l.due_fen, l.paid_fen FROM dues_ledger l JOIN members m ON m.id = l.member_id WHERE l.period = ? AND ${orgIn('l.org_id', orgIds)} ORDER BY m.name_pinyin, m.id`)
    .all(period) as { name: string; category: DuesCategory; due_fen: number; paid_fen: number }[];
  const out = rows.map((r) => ({ name: publicCell({ kind: 'text', value: r.name }), category: r.category, dueFen: r.due_fen, paidFen: r.paid_fen, settled: r.paid_fen >= r.due_fen }));
  return { branch: org.name, period, rows: out, totals: { dueFen: out.reduce((s, r) => s + r.dueFen, 0), paidFen: out.reduce((s, r) => s + r.paidFen, 0) } };
}

export function statement(db: Db, year: number, memberId: number | undefined, orgIds: readonly number[] | null): DuesStatement {
  const orgs = orgInfos(db);
  const rows = db
    .prepare(
      `SELECT l.member_id, m.name, l.org_id, l.period, l.due_fen, l.paid_fen FROM dues_ledger l JOIN members m ON m.id = l.member_id
        WHERE l.period BETWEEN ? AND ? AND (? IS NULL OR l.member_id = ?) AND ${orgIn('l.org_id', orgIds)}
        ORDER BY l.org_id, m.name_pinyin, m.id, l.period`,
    )
    .all(`${year}-01`, `${year}-12`, memberId ?? null, memberId ?? null) as { member_id: number; name: string; org_id: number; period: string; due_fen: number; paid_fen: number }[];
  const byMember = new Map<number, DuesStatement['rows'][number]>();
  for (const r of rows) {
    let m = byMember.get(r.member_id);
    if (!m) byMember.set(r.member_id, (m = { memberId: r.member_id, name: r.name, branch: orgs.get(r.org_id)?.name ?? '', months: [], dueFen: 0, paidFen: 0 }));
    m.months.push({ period: r.period, dueFen: r.due_fen, paidFen: r.paid_fen });
    m.dueFen += r.due_fen;
    m.paidFen += r.paid_fen;
  }
  const out = [...byMember.values()];
  return { year, rows: out, totals: { dueFen: out.reduce((s, r) => s + r.dueFen, 0), paidFen: out.reduce((s, r) => s + r.paidFen, 0) } };
}

export function remittance(db: Db, period: string, orgIds: readonly number[] | null): DuesRemittance {
  const orgs = orgInfos(db);
  const rows = db.prepare(`SELECT org_id, count(*) AS members, sum(due_fen) AS due, sum(paid_fen) AS paid FROM dues_ledger WHERE period = ? AND ${orgIn('org_id', orgIds)} GROUP BY org_id`).all(period) as {
    org_id: number;
    members: number;
    due: number;
    paid: number;
  }[];
  const voluntary = new Map(
    (db.prepare(`SELECT org_id, sum(amount_fen) AS total FROM dues_voluntary WHERE substr(paid_on, 1, 7) = ? AND ${orgIn('org_id', orgIds)} GROUP BY org_id`).all(period) as { org_id: number; total: number }[]).map((r) => [r.org_id, r.total]),
  );
  // A branch with voluntary payments and no ledger for the month still remits them.
  for (const orgId of voluntary.keys()) if (!rows.some((r) => r.org_id === orgId)) rows.push({ org_id: orgId, members: 0, due: 0, paid: 0 });
  const out = rows.map((r) => ({
    orgId: r.org_id,
    branch: orgs.get(r.org_id)?.name ?? '',
    community: orgs.get(r.org_id)?.community ?? null,
    members: r.members,
    dueFen: r.due,
    paidFen: r.paid,
    voluntaryFen: voluntary.get(r.org_id) ?? 0,
  }));
  return {
    period,
    rows: out,
    totals: {
      members: out.reduce((s, r) => s + r.members, 0),
      dueFen: out.reduce((s, r) => s + r.dueFen, 0),
      paidFen: out.reduce((s, r) => s + r.paidFen, 0),
      voluntaryFen: out.reduce((s, r) => s + r.voluntaryFen, 0),
    },
  };
}
