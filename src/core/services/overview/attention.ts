// "Needs attention today": the overdue and due-soon items of every module, from the rows their pages list,
// each with its community and the page where it is handled. Overdue first, then by day.
import type { AttentionItem } from '../../../shared/api/contract-overview';
import type { ServiceRequestRow } from '../../../shared/api/contract-counter';
import type { TransferRow } from '../../../shared/api/contract';
import type { LifeCompliance } from '../../../shared/api/contract-life';
import type { DevelopPersonRow } from '../../../shared/api/contract-develop';
import type { DisclosureDueRow, TermInfo } from '../../../shared/api/contract-gov';
import type { DuesArrearsRow } from '../../../shared/api/contract-dues';

/** Due within this many days counts as due soon. */
const SOON_DAYS = 30;
/** The list is read at a glance: the rest is on the pages, which the tiles link to. */
const MAX_ITEMS = 40;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface AttentionSources {
  today: string;
  requests: readonly ServiceRequestRow[];
  transfers: readonly TransferRow[];
  life: LifeCompliance;
  develop: readonly DevelopPersonRow[];
  terms: readonly TermInfo[];
  disclosures: readonly DisclosureDueRow[];
  arrears: readonly DuesArrearsRow[];
}

export function attentionItems(src: AttentionSources): AttentionItem[] {
  const soon = addDays(src.today, SOON_DAYS);
  const items: AttentionItem[] = [];
  for (const r of src.requests) {
    items.push({ kind: 'requestOverdue', severity: 'overdue', subject: r.number, detail: r.matterName, communityName: r.communityName, dueOn: r.dueOn, link: '/counter/overdue' });
  }
  for (const t of src.transfers) {
    items.push({ kind: 'transferOverdue', severity: 'overdue', subject: t.memberName, detail: t.letterNumber, communityName: null, dueOn: t.receiptOverdue ? t.receiptDueOn : t.validUntil, link: '/transfers/overdue' });
  }
  const communityOfOrg = new Map(src.life.rows.map((r) => [r.orgId, r.communityName]));
  for (const m of src.life.overdue) {
    items.push({ kind: 'meetingMissing', severity: 'overdue', subject: m.orgName, detail: `${m.meetingType}:${m.period}`, communityName: communityOfOrg.get(m.orgId) ?? null, dueOn: null, link: '/life/compliance' });
  }
  for (const p of src.develop) {
    if (p.probationEnds && p.stage === 'probationary' && p.probationEnds <= soon) {
      items.push({ kind: 'probationEnding', severity: p.probationEnds < src.today ? 'overdue' : 'dueSoon', subject: p.name, detail: null, communityName: p.communityName, dueOn: p.probationEnds, link: '/develop' });
    } else if (p.next?.latest && p.next.latest <= soon) {
      items.push({ kind: 'developStepDue', severity: p.next.latest < src.today ? 'overdue' : 'dueSoon', subject: p.name, detail: p.next.step, communityName: p.communityName, dueOn: p.next.latest, link: '/develop' });
    }
  }
  for (const t of src.terms) {
    if (t.dueOn && (t.reminder === 'overdue' || t.dueOn <= soon)) {
      items.push({ kind: 'electionDue', severity: t.reminder === 'overdue' ? 'overdue' : 'dueSoon', subject: t.orgName, detail: null, communityName: t.communityName, dueOn: t.dueOn, link: '/gov/terms' });
    }
  }
  for (const d of src.disclosures) {
    if (d.state === 'onTime') continue;
    items.push({ kind: 'disclosureDue', severity: d.state === 'overdue' ? 'overdue' : 'dueSoon', subject: d.communityName, detail: d.area, communityName: d.communityName, dueOn: d.dueOn, link: '/gov/disclosure' });
  }
  for (const a of src.arrears) {
    items.push({ kind: 'duesArrears', severity: 'overdue', subject: a.name, detail: String(a.monthsInRow), communityName: a.community, dueOn: null, link: '/dues' });
  }
  const rank = (i: AttentionItem) => (i.severity === 'overdue' ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '')).slice(0, MAX_ITEMS);
}
