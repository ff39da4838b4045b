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
/** The list is read at a glance: a few of each kind (the most pressing), the rest on the pages it links to. */
const PER_KIND = 6;
/** The order the kinds are read in: what a resident or a member is waiting for first. */
const KIND_ORDER: readonly AttentionItem['kind'][] = ['requestOverdue', 'transferOverdue', 'probationEnding', 'developStepDue', 'electionDue', 'disclosureDue', 'meetingMissing', 'duesArrears'];

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

/** The items to show, and how many there are in all (the rest are on the pages). */
export function attentionItems(src: AttentionSources): { items: AttentionItem[]; total: number } {
  const soon = addDays(src.today, SOON_DAYS);
  const items: AttentionItem[] = [];
  for (const r of src.requests) {
    items.push({ kind: 'requestOverdue', severity: 'overdue', subject: r.number, detail: r.matterName, communityName: r.communityName, dueOn: r.dueOn, link: '/counter/overdue' });
  }
  for (const t of src.transfers) {
    items.push({ kind: 'transferOverdue', severity: 'overdue', subject: t.memberName, detail: t.letterNumber, communityName: null, dueOn: t.receiptOverdue ? t.receiptDueOn : t.validUntil, link: '/transfers/overdue' });
  }
  // One line per organization (its latest missed meeting): a branch that held nothing is one item, not twenty.
  const communityOfOrg = new Map(src.life.rows.map((r) => [r.orgId, r.communityName]));
  const latestMissed = new Map<number, LifeCompliance['overdue'][number]>();
  for (const m of src.life.overdue) {
    const seen = latestMissed.get(m.orgId);
    if (!seen || m.period > seen.period) latestMissed.set(m.orgId, m);
  }
  for (const m of latestMissed.values()) {
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
  const severity = (i: AttentionItem) => (i.severity === 'overdue' ? 0 : 1);
  const kept = KIND_ORDER.flatMap((kind) =>
    items
      .filter((i) => i.kind === kind)
      .sort((a, b) => severity(a) - severity(b) || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
      .slice(0, PER_KIND),
  );
  // Overdue first, each kind together in its order (a stable sort keeps the order above).
  return { items: kept.sort((a, b) => severity(a) - severity(b)), total: items.length };
}
