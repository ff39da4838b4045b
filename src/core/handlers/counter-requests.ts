// One-stop requests as the contract serves them: the counter's board, lists, a resident's history, and the
// steps of a request (accept, start, pause/resume, extend, close three ways, rate), each audited.
import type { CallContext, Handlers } from '../context';
import { normalizeCitizenId, localIsoDate, normalizePhone } from '../../shared/validators';
import type { Method } from '../../shared/api/contract';
import { counterBoard, getRequestRow, listRequests, requestEvents, residentRequests, type Today } from '../services/counter/request-rows';
import {
  acceptRequest,
  completeRequest,
  extendRequest,
  pauseRequest,
  rateRequest,
  requestState,
  resumeRequest,
  returnToGuidance,
  startRequest,
  transferRequest,
  type Step,
  type StepContext,
} from '../services/counter/request-steps';
import { refuse } from '../services/counter/refusals';
import { workdayCalendar } from '../services/counter/workdays';
import { scopedCommunity } from '../scope';

type RequestMethods =
  | 'requests.list'
  | 'requests.get'
  | 'requests.accept'
  | 'requests.start'
  | 'requests.complete'
  | 'requests.rate'
  | 'requests.transfer'
  | 'requests.returnToGuidance'
  | 'requests.pause'
  | 'requests.resume'
  | 'requests.extend'
  | 'requests.residentHistory'
  | 'counter.today';

function stepContext(ctx: CallContext): StepContext {
  return { db: ctx.db, now: ctx.now(), actor: ctx.actorName, calendar: workdayCalendar(ctx.db), scope: ctx.scope };
}

export function todayOf(ctx: CallContext): Today {
  const today = localIsoDate(ctx.now());
  return { today, nextWorkday: workdayCalendar(ctx.db).nextWorkday(today) };
}

/** Runs one step in a transaction, audits it with the request before and after, answers the row. */
function step<I>(method: Method, run: (s: StepContext, input: I) => Step) {
  return (ctx: CallContext, input: I) =>
    ctx.tx(() => {
      const { before, after } = run(stepContext(ctx), input);
      ctx.audit({ action: method, entity: 'service_request', entityId: after.id, before: requestState(before), after: requestState(after) });
      return getRequestRow(ctx.db, after.id, todayOf(ctx));
    });
}

export const counterRequestHandlers: Pick<Handlers, RequestMethods> = {
  'requests.list'(ctx, input) {
    // A user limited to one community reads its requests: by default, and never another's.
    return listRequests(ctx.db, { ...input, communityId: scopedCommunity(ctx.scope, input.communityId) }, todayOf(ctx));
  },

  'requests.get'(ctx, input) {
    const request = getRequestRow(ctx.db, input.id, todayOf(ctx));
    return { request, events: requestEvents(ctx.db, input.id) };
  },

  'requests.accept'(ctx, input) {
    return ctx.tx(() => {
      const created = acceptRequest(stepContext(ctx), input);
      ctx.audit({ action: 'requests.accept', entity: 'service_request', entityId: created.id, after: { ...requestState(created), matter: created.matter_name, resident: created.resident_name } });
      return getRequestRow(ctx.db, created.id, todayOf(ctx));
    });
  },

  'requests.start': step('requests.start', startRequest),
  'requests.complete': step('requests.complete', completeRequest),
  'requests.rate': step('requests.rate', rateRequest),
  'requests.transfer': step('requests.transfer', transferRequest),
  'requests.returnToGuidance': step('requests.returnToGuidance', returnToGuidance),
  'requests.pause': step('requests.pause', pauseRequest),
  'requests.resume': step('requests.resume', resumeRequest),
  'requests.extend': step('requests.extend', extendRequest),

  'requests.residentHistory'(ctx, input) {
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (phone && !phone.ok) throw refuse('residentPhone', phone.problem, input.phone);
    const idNumber = input.idNumber ? normalizeCitizenId(input.idNumber) : null;
    if (!phone && !idNumber) throw refuse('residentPhone', 'historyNeedsKey');
    return { requests: residentRequests(ctx.db, phone?.ok ? phone.value : null, idNumber, todayOf(ctx), scopedCommunity(ctx.scope, undefined)) };
  },

  'counter.today'(ctx, input) {
    return counterBoard(ctx.db, scopedCommunity(ctx.scope, input.communityId), todayOf(ctx));
  },
};
