// Figures of the dues pages: fen as yuan with two decimals, the months around a period for the pickers.
import { addMonths, formatFen } from '../../../../shared/dues/money';

export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen, true));

/** The months a payment may name, around `period`: the 6 before it (back payment) to 11 after (advance). */
export function monthChoices(period: string): string[] {
  const out: string[] = [];
  for (let i = -6; i <= 11; i++) out.push(addMonths(period, i));
  return out;
}
