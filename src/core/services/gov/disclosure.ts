// The open column (四务公开): items in four areas go drafted → reviewed → approved → published, each step with
// who and when, dates in order and never in the future. A published item is never edited: a correction is a
// new item that, once published itself, supersedes it. Finances are due monthly, the routine areas quarterly,
// on the month's fixed day; major matters at once.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DisclosureComment, DisclosureDueRow, DisclosureInfo } from '../../../shared/api/contract-gov';
import type { DisclosureArea, DisclosureStep, GovSettings } from '../../../shared/api/schemas-gov';
import { DISCLOSURE_AREAS, disclosureWindow, fixedDayOf } from '../../../shared/gov-rules';
import { all, first, qb, run } from '../../db/query';
import type { GovDisclosureTable } from '../../db/schema-gov';
import type { Selectable } from 'kysely';
import { assertCommunityExists, assertVersion, communityNames, notBefore, notFound, notFuture, refuse } from './common';

type Row = Selectable<GovDisclosureTable>;

function commentInfo(c: { id: number; disclosure_id: number; resident_name: string; content: string; received_on: string; answer: string | null; answered_on: string | null }): DisclosureComment {
  return { id: c.id, disclosureId: c.disclosure_id, residentName: c.resident_name, comment: c.content, receivedOn: c.received_on, answer: c.answer, answeredOn: c.answered_on };
}

function toInfo(db: Db, r: Row, names: Map<number, string>, settings: GovSettings): DisclosureInfo {
  const comments = all(db, qb.selectFrom('gov_disclosure_comments').selectAll().where('disclosure_id', '=', r.id).orderBy('received_on').orderBy('id')).map(commentInfo);
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_id === null ? null : (names.get(r.community_id) ?? null),
    area: r.area,
    title: r.title,
    content: r.content,
    attachments: JSON.parse(r.attachments) as string[],
    major: r.major === 1,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    draftedBy: r.drafted_by,
    draftedOn: r.drafted_on,
    reviewedBy: r.reviewed_by,
    reviewedOn: r.reviewed_on,
    approvedBy: r.approved_by,
    approvedOn: r.approved_on,
    publishedBy: r.published_by,
    publishedOn: r.published_on,
    onFixedDay: r.published_on === null ? null : r.major === 1 || r.published_on === fixedDayOf(r.published_on.slice(0, 7), settings.fixedDay),
    correctsId: r.corrects_id,
    supersededBy: r.superseded_by,
    comments,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function getDisclosureRow(db: Db, id: number): Row {
  const row = first(db, qb.selectFrom('gov_disclosures').selectAll().where('id', '=', id));
  if (!row) throw notFound('disclosure', id);
  return row;
}

export function disclosureInfo(db: Db, id: number, settings: GovSettings): DisclosureInfo {
  return toInfo(db, getDisclosureRow(db, id), communityNames(db), settings);
}

export function listDisclosures(db: Db, input: ApiParsedInput<'disclosure.list'>, community: number | null, settings: GovSettings): DisclosureInfo[] {
  let q = qb.selectFrom('gov_disclosures').selectAll();
  if (community !== null) q = q.where('community_id', '=', community);
  if (input.area) q = q.where('area', '=', input.area);
  if (input.period) q = q.where((eb) => eb.or([eb('published_on', 'like', `${input.period}-%`), eb('published_on', 'is', null)]));
  const names = communityNames(db);
  return all(db, q.orderBy('id', 'desc')).map((r) => toInfo(db, r, names, settings));
}

export function saveDisclosure(db: Db, input: ApiParsedInput<'disclosure.save'>, now: Date, today: string): { before: Row | null; after: Row } {
  const before = input.id === undefined ? null : getDisclosureRow(db, input.id);
  if (before) {
    assertVersion('disclosure', before.id, before.version, input.version);
    // The record residents saw stays as they saw it: changes go through a correction.
    if (before.status === 'published' || before.status === 'superseded') throw refuse('id', 'disclosurePublished', before.title, { publishedOn: before.published_on ?? '' });
    if (before.status !== 'drafted') throw refuse('id', 'disclosureInReview', before.title);
  }
  assertCommunityExists(db, 'communityId', input.communityId);
  if (input.periodTo < input.periodFrom) throw refuse('periodTo', 'govDateBefore', input.periodTo, { earlier: input.periodFrom });
  notFuture('draftedOn', input.draftedOn, today);
  const correctsId = before ? before.corrects_id : (input.correctsId ?? null);
  if (correctsId !== null) {
    const corrected = getDisclosureRow(db, correctsId);
    if (!before && corrected.status !== 'published') throw refuse('correctsId', 'disclosureNotPublished', corrected.title);
    // A correction's draft, edited, still belongs to the item it corrects.
    if (corrected.community_id !== input.communityId || corrected.area !== input.area) throw refuse(before ? 'area' : 'correctsId', 'disclosureCorrectionOther', corrected.title);
  }
  const at = now.toISOString();
  const values = {
    community_id: input.communityId,
    area: input.area,
    title: input.title,
    content: input.content,
    attachments: JSON.stringify(input.attachments),
    major: input.major ? 1 : 0,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    drafted_by: input.draftedBy,
    drafted_on: input.draftedOn,
    updated_at: at,
  };
  if (before) {
    run(db, qb.updateTable('gov_disclosures').set({ ...values, version: before.version + 1 }).where('id', '=', before.id));
    return { before, after: getDisclosureRow(db, before.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('gov_disclosures').values({ ...values, status: 'drafted', corrects_id: correctsId, created_at: at }));
  return { before: null, after: getDisclosureRow(db, lastInsertRowid) };
}

const STEP_FROM: Record<DisclosureStep, Row['status']> = { review: 'drafted', approve: 'reviewed', publish: 'approved' };
/** Each step's refusal when the item is not at the step before it. */
const STEP_NEEDS: Record<DisclosureStep, string> = { review: 'disclosureReviewNeedsDraft', approve: 'disclosureApproveNeedsReview', publish: 'disclosurePublishNeedsApproval' };
const STEP_TO: Record<DisclosureStep, Row['status']> = { review: 'reviewed', approve: 'approved', publish: 'published' };

/** The item's date of the step before `step`: the next step may not come earlier. */
function previousDate(row: Row, step: DisclosureStep): { on: string; what: string } {
  if (step === 'review') return { on: row.drafted_on, what: 'draftedOn' };
  if (step === 'approve') return { on: row.reviewed_on!, what: 'reviewedOn' };
  return { on: row.approved_on!, what: 'approvedOn' };
}

/** One step forward; publishing a correction supersedes the item it corrects. Returns the items changed. */
export function advanceDisclosure(db: Db, input: ApiParsedInput<'disclosure.advance'>, now: Date, today: string): { before: Row; after: Row; superseded: Row | null } {
  const before = getDisclosureRow(db, input.id);
  assertVersion('disclosure', before.id, before.version, input.version);
  if (before.status === 'published' || before.status === 'superseded') throw refuse('step', 'disclosurePublished', before.title, { publishedOn: before.published_on ?? '' });
  if (before.status !== STEP_FROM[input.step]) throw refuse('step', STEP_NEEDS[input.step], undefined, { title: before.title });
  const prev = previousDate(before, input.step);
  notBefore('on', input.on, prev.on, prev.what);
  notFuture('on', input.on, today);
  const at = now.toISOString();
  const who = { review: { reviewed_by: input.by, reviewed_on: input.on }, approve: { approved_by: input.by, approved_on: input.on }, publish: { published_by: input.by, published_on: input.on } }[input.step];
  run(db, qb.updateTable('gov_disclosures').set({ ...who, status: STEP_TO[input.step], version: before.version + 1, updated_at: at }).where('id', '=', before.id));
  let superseded: Row | null = null;
  if (input.step === 'publish' && before.corrects_id !== null) {
    const corrected = getDisclosureRow(db, before.corrects_id);
    if (corrected.status !== 'published') throw refuse('id', 'disclosureNotPublished', corrected.title);
    run(db, qb.updateTable('gov_disclosures').set({ status: 'superseded', superseded_by: before.id, version: corrected.version + 1, updated_at: at }).where('id', '=', corrected.id));
    superseded = getDisclosureRow(db, corrected.id);
  }
  return { before, after: getDisclosureRow(db, before.id), superseded };
}

export function saveComment(db: Db, input: ApiParsedInput<'disclosure.comment'>, now: Date, today: string): { before: DisclosureComment | null; after: DisclosureComment } {
  const item = getDisclosureRow(db, input.disclosureId);
  if (item.published_on === null) throw refuse('disclosureId', 'disclosureNotPublished', item.title);
  notBefore('receivedOn', input.receivedOn, item.published_on, 'publishedOn');
  notFuture('receivedOn', input.receivedOn, today);
  const answer = input.answer ? input.answer : null;
  const answeredOn = input.answeredOn ?? null;
  if (answer && !answeredOn) throw refuse('answeredOn', 'required');
  if (answeredOn && !answer) throw refuse('answer', 'required');
  notBefore('answeredOn', answeredOn, input.receivedOn, 'receivedOn');
  notFuture('answeredOn', answeredOn, today);
  const at = now.toISOString();
  const values = { disclosure_id: item.id, resident_name: input.residentName, content: input.comment, received_on: input.receivedOn, answer, answered_on: answeredOn, updated_at: at };
  const read = (id: number) => {
    const c = first(db, qb.selectFrom('gov_disclosure_comments').selectAll().where('id', '=', id));
    if (!c) throw notFound('disclosure_comment', id);
    return c;
  };
  if (input.id !== undefined) {
    const old = read(input.id);
    if (old.disclosure_id !== item.id) throw refuse('id', 'notFound', input.id);
    run(db, qb.updateTable('gov_disclosure_comments').set(values).where('id', '=', old.id));
    return { before: commentInfo(old), after: commentInfo(read(old.id)) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('gov_disclosure_comments').values({ ...values, created_at: at }));
  return { before: null, after: commentInfo(read(lastInsertRowid)) };
}

/**
 * For a month: each community's (and the street's own) four areas, whether the one publication of its window
 * was made (finances the month itself, the routine areas the quarter ending with it), and if not whether the
 * month's fixed day has passed (overdue) or is still to come (due).
 */
export function disclosureDue(db: Db, period: string, community: number | null, settings: GovSettings, today: string, streetName: string): DisclosureDueRow[] {
  const dueOn = fixedDayOf(period, settings.fixedDay);
  const communities = (db.prepare('SELECT id, name FROM communities WHERE closed_on IS NULL ORDER BY division_code').all() as { id: number; name: string }[]).filter(
    (c) => community === null || c.id === community,
  );
  const units: { id: number | null; name: string }[] = community === null ? [{ id: null, name: streetName }, ...communities] : communities;
  const last = db.prepare(
    `SELECT max(published_on) FROM gov_disclosures WHERE community_id IS ? AND area = ? AND published_on IS NOT NULL AND published_on <= ?`,
  );
  const rows: DisclosureDueRow[] = [];
  for (const unit of units) {
    for (const area of DISCLOSURE_AREAS as readonly DisclosureArea[]) {
      const window = disclosureWindow(area, period);
      const lastPublishedOn = (last.pluck().get(unit.id, area, `${period}-31`) as string | null) ?? null;
      const inWindow = lastPublishedOn !== null && lastPublishedOn.slice(0, 7) >= window.from;
      rows.push({ communityId: unit.id, communityName: unit.name, area, windowFrom: window.from, windowTo: window.to, dueOn, lastPublishedOn, state: inWindow ? 'onTime' : today > dueOn ? 'overdue' : 'due' });
    }
  }
  return rows;
}
