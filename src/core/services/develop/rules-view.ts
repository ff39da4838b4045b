// What the dispatcher's rules (src/core/write-rules.ts) read of the development register: whose record a
// person is (their branch), and which days a step writes — its own, and the roll's dates it sets. Read only.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { probationEnd } from '../../../shared/develop/rules';
import type { DatedField } from '../../returns/freeze';

export function developPersonOrg(db: SqliteDatabase, id: number): number | undefined {
  return db.prepare('SELECT org_id FROM develop_people WHERE id = ?').pluck().get(id) as number | undefined;
}

export function developStepDates(db: SqliteDatabase, input: ApiParsedInput<'develop.recordStep'>): DatedField[] {
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
