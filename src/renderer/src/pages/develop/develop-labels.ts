// Names of steps and stages in the user's language (shared with core's messages), and how a due date reads
// on a card: overdue (red) once its last day passed, due this month (orange) when it falls in it.
import type { Language } from '../../../../shared/api/schemas';
import type { DevelopStage, DevelopStep, NextStep } from '../../../../shared/develop/rules';
import { DEVELOP_STAGE_NAMES, DEVELOP_STEP_NAMES } from '../../../../shared/i18n/messages-develop';

export const stepName = (step: DevelopStep, lang: Language) => DEVELOP_STEP_NAMES[lang][step];
export const stageName = (stage: DevelopStage, lang: Language) => DEVELOP_STAGE_NAMES[lang][stage];

export type DueFlag = 'overdue' | 'dueSoon' | null;

/** Steps whose date is a mark to wait for (a year as activist, the probation's end) rather than a deadline. */
const MARK_STEPS = new Set<DevelopStep>(['candidate', 'admitted', 'full']);

export function dueFlag(item: NextStep | null, today: string): DueFlag {
  if (!item) return null;
  if (item.latest && item.latest < today) return 'overdue';
  const monthEnd = `${today.slice(0, 7)}-31`;
  const on = MARK_STEPS.has(item.step) ? (item.earliest ?? item.latest) : (item.latest ?? item.earliest);
  return on && on <= monthEnd && (item.latest ?? on) >= today.slice(0, 7) ? 'dueSoon' : null;
}

/** The last day of this month, as the board's "due this month" filter asks. */
export function monthEnd(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return `${today.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
