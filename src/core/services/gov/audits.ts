// Collective-economy audits (村集体经济审计): planned and done by kind (annual, term, leaving office, special),
// findings, rectifications with due dates, the day the results were disclosed; the plan's completion rate.
import type { Db } from '../../db/connection';
import type { Selectable } from 'kysely';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { AuditInfo, AuditStats } from '../../../shared/api/contract-gov';
import { AUDIT_KINDS } from '../../../shared/api/schemas-gov';
import { all, first, qb, run } from '../../db/query';
import type { GovAuditTable } from '../../db/schema-gov';
import { assertCommunityExists, assertVersion, communityNames, notBefore, notFound, notFuture, refuse } from './common';
import { rateCount } from './projects';

type Row = Selectable<GovAuditTable>;

function toInfo(db: Db, r: Row, names: Map<number, string>, today: string): AuditInfo {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: names.get(r.community_id) ?? '',
    year: r.year,
    kind: r.kind,
    subject: r.subject,
    plannedOn: r.planned_on,
    doneOn: r.done_on,
    findings: r.findings,
    disclosedOn: r.disclosed_on,
    rectifications: all(db, qb.selectFrom('gov_rectifications').selectAll().where('audit_id', '=', r.id).orderBy('position')).map((x) => ({
      item: x.item,
      dueOn: x.due_on,
      doneOn: x.done_on,
      overdue: x.done_on === null && x.due_on < today,
    })),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function getAuditRow(db: Db, id: number): Row {
  const row = first(db, qb.selectFrom('gov_audits').selectAll().where('id', '=', id));
  if (!row) throw notFound('audit', id);
  return row;
}

export function auditInfo(db: Db, id: number, today: string): AuditInfo {
  return toInfo(db, getAuditRow(db, id), communityNames(db), today);
}

export function listAudits(db: Db, year: number, community: number | null, today: string): AuditInfo[] {
  let q = qb.selectFrom('gov_audits').selectAll().where('year', '=', year);
  if (community !== null) q = q.where('community_id', '=', community);
  const names = communityNames(db);
  return all(db, q.orderBy('planned_on').orderBy('id')).map((r) => toInfo(db, r, names, today));
}

export function saveAudit(db: Db, input: ApiParsedInput<'audits.save'>, now: Date, today: string): { before: AuditInfo | null; after: AuditInfo } {
  const stored = input.id === undefined ? null : getAuditRow(db, input.id);
  if (stored) assertVersion('audit', stored.id, stored.version, input.version);
  assertCommunityExists(db, 'communityId', input.communityId);
  const doneOn = input.doneOn ?? null;
  const disclosedOn = input.disclosedOn ?? null;
  notFuture('doneOn', doneOn, today);
  notFuture('disclosedOn', disclosedOn, today);
  if (disclosedOn && !doneOn) throw refuse('disclosedOn', 'auditNotDone', disclosedOn);
  notBefore('disclosedOn', disclosedOn, doneOn, 'doneOn');
  if (input.rectifications.length && !doneOn) throw refuse('rectifications', 'auditNotDone', input.rectifications.length);
  input.rectifications.forEach((x, i) => {
    notBefore(`rectifications.${i}.dueOn`, x.dueOn, doneOn, 'doneOn');
    notBefore(`rectifications.${i}.doneOn`, x.doneOn, doneOn, 'doneOn');
    notFuture(`rectifications.${i}.doneOn`, x.doneOn, today);
  });
  const at = now.toISOString();
  const values = {
    community_id: input.communityId,
    year: input.year,
    kind: input.kind,
    subject: input.subject,
    planned_on: input.plannedOn,
    done_on: doneOn,
    findings: input.findings,
    disclosed_on: disclosedOn,
    updated_at: at,
  };
  const before = stored ? auditInfo(db, stored.id, today) : null;
  let id: number;
  if (stored) {
    run(db, qb.updateTable('gov_audits').set({ ...values, version: stored.version + 1 }).where('id', '=', stored.id));
    run(db, qb.deleteFrom('gov_rectifications').where('audit_id', '=', stored.id));
    id = stored.id;
  } else {
    id = run(db, qb.insertInto('gov_audits').values({ ...values, created_at: at })).lastInsertRowid;
  }
  input.rectifications.forEach((x, position) => {
    run(db, qb.insertInto('gov_rectifications').values({ audit_id: id, position, item: x.item, due_on: x.dueOn, done_on: x.doneOn ?? null }));
  });
  return { before, after: auditInfo(db, id, today) };
}

export function auditStats(db: Db, year: number, community: number | null, today: string): AuditStats {
  const audits = listAudits(db, year, community, today);
  const done = (rows: AuditInfo[]) => rows.filter((a) => a.doneOn !== null).length;
  const rect = audits.flatMap((a) => a.rectifications);
  return {
    year,
    street: { planned: audits.length, ...rateCount(done(audits), audits.length) },
    byKind: AUDIT_KINDS.map((kind) => {
      const rows = audits.filter((a) => a.kind === kind);
      return { kind, ...rateCount(done(rows), rows.length) };
    }),
    rectifications: { total: rect.length, done: rect.filter((x) => x.doneOn !== null).length, overdue: rect.filter((x) => x.overdue).length },
  };
}
