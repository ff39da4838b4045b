// Party dues and funds as the contract serves them (issue 15): a few lines each around the services, every
// write in one transaction with its audit entry. Scope and the closed-month freeze were enforced by the
// dispatcher before these run (src/core/write-rules.ts).
import type { CallContext, Handlers } from '../context';
import type { DuesHistory, DuesPayManyResult } from '../../shared/api/contract-dues';
import { formatFen } from '../../shared/dues/money';
import { FARMER_MAX_FEN, FARMER_MIN_FEN, monthlyDues, rateText, ruleText } from '../../shared/dues/rates';
import { localIsoDate } from '../../shared/validators';
import { refuse } from '../services/counter/refusals';
import { arrears } from '../services/dues/arrears';
import { listBases, saveBase, toBaseInfo } from '../services/dues/bases';
import { closeMonth } from '../services/dues/close';
import { duesMember, FARMER_SETTING, farmerFen, ledgerMonths, orgInfos, periodOf, saveFarmerFen } from '../services/dues/common';
import { fundsOverview, saveEntry, saveStandard } from '../services/dues/funds';
import { generateLedger, ledgerOrgs, readLedger } from '../services/dues/ledger';
import { payMany } from '../services/dues/pay-many';
import { readPaymentFile } from '../services/dues/read-sheet';
import { board, receipt, remittance, statement } from '../services/dues/papers';
import { memberPayments, memberVoluntary, paidTo, pay, payVoluntary, reverse } from '../services/dues/payments';
import { subtreeIds } from '../services/organizations';
import { scopedCommunity } from '../scope';

type DuesMethodName = Extract<keyof Handlers, `dues.${string}` | `funds.${string}`>;

const today = (ctx: CallContext) => localIsoDate(ctx.now());

/** The organizations a list covers: the given one's subtree (checked against the scope), or the caller's. */
function orgsOf(ctx: CallContext, orgId: number | undefined): number[] | null {
  if (orgId !== undefined) ctx.scope?.assertOrg(orgId, 'orgId');
  return ledgerOrgs(ctx.db, orgId, ctx.scope ? ctx.scope.orgIds() : null);
}

function history(ctx: CallContext, memberId: number): DuesHistory {
  const member = duesMember(ctx.db, memberId);
  const farmer = farmerFen(ctx.db);
  const bases = listBases(ctx.db, memberId).map((b) => toBaseInfo(b, farmer, ctx.lang));
  const now = periodOf(today(ctx));
  const months = ledgerMonths(ctx.db, memberId).map((r) => ({
    period: r.period,
    dueFen: r.due_fen,
    paidFen: r.paid_fen,
    settled: r.paid_fen >= r.due_fen,
  }));
  return {
    memberId,
    name: member.name,
    branch: orgInfos(ctx.db).get(member.org_id)?.name ?? '',
    bases,
    current: [...bases].reverse().find((b) => b.effectiveMonth <= now) ?? null,
    months,
    payments: memberPayments(ctx.db, memberId),
    voluntary: memberVoluntary(ctx.db, memberId),
    paidTo: paidTo(ctx.db, memberId),
  };
}

export const duesHandlers: Pick<Handlers, DuesMethodName> = {
  'dues.rate'(ctx, input) {
    const amount = monthlyDues(input.category, input.baseFen ?? null, farmerFen(ctx.db));
    return { category: input.category, baseFen: amount.baseFen, rate: amount.permille === null ? null : rateText(amount.permille), permille: amount.permille, monthlyFen: amount.monthlyFen, monthly: formatFen(amount.monthlyFen), rule: ruleText(amount, ctx.lang) };
  },

  'dues.settings'(ctx) {
    return { farmerFen: farmerFen(ctx.db) };
  },

  'dues.ledger'(ctx, input) {
    return readLedger(ctx.db, input.period, orgsOf(ctx, input.orgId), ctx.lang);
  },

  'dues.arrears'(ctx, input) {
    const asOf = input.asOf ?? periodOf(today(ctx));
    return { asOf, rows: arrears(ctx.db, asOf, input.minMonths, orgsOf(ctx, input.orgId)) };
  },

  'dues.history'(ctx, input) {
    return history(ctx, input.memberId);
  },

  'dues.paidTo'(ctx, input) {
    duesMember(ctx.db, input.memberId);
    return { memberId: input.memberId, paidTo: paidTo(ctx.db, input.memberId) };
  },

  'dues.receipt'(ctx, input) {
    return receipt(ctx.db, input.paymentId, ctx.lang);
  },

  'dues.board'(ctx, input) {
    return board(ctx.db, input.orgId, input.period, subtreeIds(ctx.db, input.orgId));
  },

  'dues.statement'(ctx, input) {
    if (input.memberId !== undefined) ctx.scope?.assertMember(input.memberId, 'memberId');
    return statement(ctx.db, input.year, input.memberId, orgsOf(ctx, input.orgId));
  },

  'dues.remittance'(ctx, input) {
    return remittance(ctx.db, input.period, orgsOf(ctx, input.orgId));
  },

  'dues.saveBase'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveBase(ctx.db, input, ctx.actorName, ctx.now(), ctx.lang);
      ctx.audit({ action: 'dues.saveBase', entity: 'dues_base', entityId: after.id, before, after });
      return after;
    });
  },

  'dues.generate'(ctx, input) {
    return ctx.tx(() => {
      const result = generateLedger(ctx.db, input.period, orgsOf(ctx, input.orgId));
      ctx.audit({ action: 'dues.generate', entity: 'dues_ledger', entityId: input.period, after: { ...result, orgId: input.orgId ?? null } });
      return result;
    });
  },

  'dues.pay'(ctx, input) {
    return ctx.tx(() => {
      const payment = pay(ctx.db, input, ctx.actorName, ctx.now(), today(ctx));
      ctx.audit({ action: 'dues.pay', entity: 'dues_payment', entityId: payment.id, after: payment });
      return payment;
    });
  },

  'dues.readSheet'(_ctx, input) {
    return readPaymentFile(input.bytes, input.fileName);
  },

  'dues.payMany'(ctx, input) {
    // A dry run checks every row as the real one does, then rolls it all back.
    class DryRun {
      constructor(readonly result: DuesPayManyResult) {}
    }
    try {
      return ctx.tx(() => {
        const result = payMany(ctx.db, input, ctx.actorName, ctx.now(), today(ctx), (payment, row) =>
          ctx.audit({ action: 'dues.payMany', entity: 'dues_payment', entityId: payment.id, after: { ...payment, sheetRow: row.sheetRow } }),
        );
        if (input.dryRun) throw new DryRun(result);
        return result;
      });
    } catch (outcome) {
      if (outcome instanceof DryRun) return outcome.result;
      throw outcome;
    }
  },

  'dues.reverse'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = reverse(ctx.db, input, ctx.actorName, ctx.now(), today(ctx));
      ctx.audit({ action: 'dues.reverse', entity: 'dues_payment', entityId: before.id, before, after });
      return after;
    });
  },

  'dues.payVoluntary'(ctx, input) {
    return ctx.tx(() => {
      const paid = payVoluntary(ctx.db, input, ctx.actorName, ctx.now(), today(ctx));
      ctx.audit({ action: 'dues.payVoluntary', entity: 'dues_voluntary', entityId: paid.id, after: paid });
      return paid;
    });
  },

  'dues.close'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = closeMonth(ctx.db, input, ctx.actorName, ctx.now());
      ctx.audit({ action: 'dues.close', entity: 'dues_month_close', entityId: `${input.orgId}:${input.period}`, before, after });
      return after;
    });
  },

  'dues.saveSettings'(ctx, input) {
    if (input.farmerFen < FARMER_MIN_FEN || input.farmerFen > FARMER_MAX_FEN) throw refuse('farmerFen', 'duesFarmerRange', formatFen(input.farmerFen));
    return ctx.tx(() => {
      const before = farmerFen(ctx.db);
      saveFarmerFen(ctx.db, input.farmerFen);
      ctx.audit({ action: 'dues.saveSettings', entity: 'settings', entityId: FARMER_SETTING, before: { farmerFen: before }, after: { farmerFen: input.farmerFen } });
      return { farmerFen: input.farmerFen };
    });
  },

  'funds.overview'(ctx, input) {
    return fundsOverview(ctx.db, input.year, scopedCommunity(ctx.scope, input.communityId));
  },

  'funds.saveStandard'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveStandard(ctx.db, input, ctx.actorName, ctx.now());
      ctx.audit({ action: 'funds.saveStandard', entity: 'fund_standard', entityId: after.id, before, after });
      return after;
    });
  },

  'funds.saveEntry'(ctx, input) {
    return ctx.tx(() => {
      const entry = saveEntry(ctx.db, input, ctx.actorName, ctx.now());
      ctx.audit({ action: 'funds.saveEntry', entity: 'fund_entry', entityId: entry.id, after: entry });
      return entry;
    });
  },
};
