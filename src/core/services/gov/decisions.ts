// 四议两公开: a matter goes through six steps in their one order — the Party organization proposes, the two
// committees discuss, the Party members' meeting reviews, the residents' meeting decides, the decision is
// published, the result is published. A step out of order is refused naming the step that is due; meetings
// carry attendance and votes (votes ≤ present ≤ entitled) and must reach their quorum and majority.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DecisionInfo } from '../../../shared/api/contract-gov';
import type { GovSettings } from '../../../shared/api/schemas-gov';
import { DECISION_STEPS, MEETING_STEPS, meetingProblem, type DecisionStep, type MeetingRule } from '../../../shared/gov-rules';
import { all, first, qb, run } from '../../db/query';
import { assertCommunityExists, communityNames, notBefore, notFound, notFuture, refuse } from './common';

const NEXT_STEP_PROBLEM: Record<DecisionStep, string> = {
  proposal: 'decisionNextProposal',
  committees: 'decisionNextCommittees',
  members: 'decisionNextMembers',
  residents: 'decisionNextResidents',
  publishDecision: 'decisionNextPublishDecision',
  publishResult: 'decisionNextPublishResult',
};

/** The two committees and the Party members' meeting: more than half present, more than half of them in favour. */
const MAJORITY: MeetingRule = { presentPercent: 50, favourPercent: 50 };

export function meetingRule(step: DecisionStep, settings: GovSettings): MeetingRule {
  return step === 'residents' ? { presentPercent: settings.residentsPresentPercent, favourPercent: settings.residentsFavourPercent } : MAJORITY;
}

export function decisionInfo(db: Db, id: number, names = communityNames(db)): DecisionInfo {
  const d = first(db, qb.selectFrom('gov_decisions').selectAll().where('id', '=', id));
  if (!d) throw notFound('decision', id);
  const steps = all(db, qb.selectFrom('gov_decision_steps').selectAll().where('decision_id', '=', id).orderBy('step')).map((s) => ({
    step: DECISION_STEPS[s.step - 1],
    heldOn: s.held_on,
    entitled: s.entitled,
    present: s.present,
    inFavour: s.in_favour,
    note: s.note,
    recordedBy: s.recorded_by,
  }));
  return { id: d.id, communityId: d.community_id, communityName: names.get(d.community_id) ?? '', title: d.title, summary: d.summary, steps, next: DECISION_STEPS[steps.length] ?? null };
}

export function listDecisions(db: Db, community: number | null): DecisionInfo[] {
  let q = qb.selectFrom('gov_decisions').select('id');
  if (community !== null) q = q.where('community_id', '=', community);
  const names = communityNames(db);
  return all(db, q.orderBy('id', 'desc')).map((r) => decisionInfo(db, r.id, names));
}

export function saveDecision(db: Db, input: ApiParsedInput<'decisions.save'>, now: Date): { before: DecisionInfo | null; after: DecisionInfo } {
  assertCommunityExists(db, 'communityId', input.communityId);
  const at = now.toISOString();
  if (input.id !== undefined) {
    const before = decisionInfo(db, input.id);
    if (before.communityId !== input.communityId) throw refuse('communityId', 'decisionCommunityFixed', input.communityId);
    // Once the decision is posted for residents, the matter reads as they saw it.
    const posted = before.steps.find((x) => x.step === 'publishDecision');
    if (posted) throw refuse('id', 'decisionPublished', undefined, { title: before.title, publishedOn: posted.heldOn });
    run(db, qb.updateTable('gov_decisions').set({ title: input.title, summary: input.summary, updated_at: at }).where('id', '=', input.id));
    return { before, after: decisionInfo(db, input.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('gov_decisions').values({ community_id: input.communityId, title: input.title, summary: input.summary, created_at: at, updated_at: at }));
  return { before: null, after: decisionInfo(db, lastInsertRowid) };
}

export function recordStep(db: Db, input: ApiParsedInput<'decisions.step'>, settings: GovSettings, actor: string, now: Date, today: string): { before: DecisionInfo; after: DecisionInfo } {
  const before = decisionInfo(db, input.decisionId);
  if (before.next === null) throw refuse('step', 'decisionFinished', undefined, { title: before.title });
  // The refusal names the step that is due (one message per step, in the user's language) and the matter.
  if (input.step !== before.next) throw refuse('step', NEXT_STEP_PROBLEM[before.next], undefined, { title: before.title });
  const last = before.steps[before.steps.length - 1];
  notBefore('heldOn', input.heldOn, last?.heldOn, 'heldOn');
  notFuture('heldOn', input.heldOn, today);
  const meeting = MEETING_STEPS.includes(input.step);
  if (meeting) {
    for (const field of ['entitled', 'present', 'inFavour'] as const) if (input[field] === undefined) throw refuse(field, 'required');
    const rule = meetingRule(input.step, settings);
    const problem = meetingProblem(input.entitled!, input.present!, input.inFavour!, rule);
    if (problem) {
      const field = problem === 'presentOverEntitled' || problem === 'quorumNotMet' ? 'present' : 'inFavour';
      const value = field === 'present' ? input.present! : input.inFavour!;
      throw refuse(field, problem, value, { entitled: input.entitled!, present: input.present!, percent: problem === 'quorumNotMet' ? rule.presentPercent : rule.favourPercent });
    }
  }
  run(
    db,
    qb.insertInto('gov_decision_steps').values({
      decision_id: before.id,
      step: DECISION_STEPS.indexOf(input.step) + 1,
      held_on: input.heldOn,
      entitled: meeting ? input.entitled! : null,
      present: meeting ? input.present! : null,
      in_favour: meeting ? input.inFavour! : null,
      note: input.note,
      recorded_by: actor,
      created_at: now.toISOString(),
    }),
  );
  run(db, qb.updateTable('gov_decisions').set({ updated_at: now.toISOString() }).where('id', '=', before.id));
  return { before, after: decisionInfo(db, before.id) };
}
