// What the dispatcher's rules (src/core/write-rules.ts) read of the development register: whose record a
// person is (their branch), and which days a step writes — its own, and the roll's dates it sets. Read only.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { probationEnd } from '../../../shared/develop/rules';
import type { DatedField } from '../../returns/freeze';

export function developPersonOrg(db: Db, id: number): number | undefined {
  return db.prepare('SELECT org_id FROM develop_people WHERE id = ?').pluck().get(id) as number | undefined;
}

/** The step's recorded day (named by `stepId`) and its new one; a moved meeting also moves the probation's end. */
export function developCorrectionDates(db: Db, input: ApiParsedInput<'develop.correctStep'>): DatedField[] {
  const stored = db.prepare('SELECT step, on_date FROM develop_steps WHERE id = ? AND person_id = ?').get(input.stepId, input.id) as { step: string; on_date: string } | undefined;
  if (!stored) return [];
  const dates: DatedField[] = [{ field: 'stepId', date: stored.on_date }];
  if (input.on !== undefined) dates.push({ field: 'on', date: input.on });
  if (input.on !== undefined && stored.step === 'admitted') {
    const full = db.prepare("SELECT 1 FROM develop_steps WHERE person_id = ? AND step = 'full'").get(input.id);
    if (full) dates.push({ field: 'on', date: probationEnd({ admitted: input.on }) ?? input.on }, { field: 'stepId', date: probationEnd({ admitted: stored.on_date }) ?? stored.on_date });
  }
  return dates;
}

export function developStepDates(db: Db, input: ApiParsedInput<'develop.recordStep'>): DatedField[] {
  const dates: DatedField[] = [{ field: 'on', date: input.on }];
  if (input.step === 'full') {
    const steps = db.prepare("SELECT step, on_date, detail FROM develop_steps WHERE person_id = ? AND step IN ('admitted', 'extended')").all(input.id) as { step: string; on_date: string; detail: string | null }[];
    const admitted = steps.find((s) => s.step === 'admitted')?.on_date;
    const ext = steps.find((s) => s.step === 'extended');
    const months = ext?.detail ? Number((JSON.parse(ext.detail) as { months?: number }).months ?? 0) : 0;
    const end = probationEnd({ admitted, extended: ext ? { on: ext.on_date, months } : undefined });
    if (end) dates.push({ field: 'on', date: end });
  }
  return dates;
}
