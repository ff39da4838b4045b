// Figures of the dues pages: fen as yuan with two decimals, the months around a period for the pickers.
import type { FormInstance } from 'antd';
import type { Language } from '../../../../shared/api/schemas';
import { addMonths, formatFen, parseYuan } from '../../../../shared/dues/money';
import { FIELD_PROBLEMS, interpolate } from '../../../../shared/i18n/messages';

export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen, true));

/** The months a payment may name, around `period`: the 6 before it (back payment) to 11 after (advance). */
export function monthChoices(period: string): string[] {
  const out: string[] = [];
  for (let i = -6; i <= 11; i++) out.push(addMonths(period, i));
  return out;
}

/**
 * Amount fields hold the yuan the clerk typed; one that is not an amount ("十五元") is named on its field with
 * the value as typed, before any call — the schema would only see the NaN it becomes. True when all read.
 */
export function amountsRead(form: FormInstance, fields: readonly string[], lang: Language): boolean {
  const bad = fields.filter((name) => {
    const raw = form.getFieldValue(name) as unknown;
    return typeof raw === 'string' && raw.trim() !== '' && parseYuan(raw) === null;
  });
  form.setFields(bad.map((name) => ({ name, errors: [interpolate(FIELD_PROBLEMS[lang].duesNotAmount, { value: String(form.getFieldValue(name)) })] })));
  return bad.length === 0;
}
