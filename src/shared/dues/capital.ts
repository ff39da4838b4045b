// An amount in 大写 as a receipt writes it, so a figure cannot be altered with one stroke:
// 1500 fen → 人民币壹拾伍元整, 100050005 fen → 人民币壹佰万零伍拾元零伍分. Following the settlement rules
// (《支付结算办法》附件): 整 after 元 when there are no jiao or fen, none once there are fen; a 零 between
// the yuan and the fen when the jiao is zero. The parser is the inverse, for checking a printed receipt.
import { toChineseUpper } from '../validators/chinese-upper';
import { MAX_FEN } from './money';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PREFIX = '人民币';

/** fen (0 … 9,999,999,999) → "人民币壹拾伍元整". */
export function fenToCapital(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0 || fen > MAX_FEN) throw new RangeError(`fenToCapital: ${fen}`);
  const yuan = (fen - (fen % 100)) / 100;
  const jiao = ((fen % 100) - (fen % 10)) / 10;
  const cents = fen % 10;
  let out = '';
  if (yuan > 0 || (jiao === 0 && cents === 0)) out += `${toChineseUpper(yuan)}元`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  else out += jiao > 0 ? '' : '整';
  return PREFIX + out;
}

const UNITS: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** "人民币壹拾伍元整" → 1500; null when the text is not an amount in 大写. */
export function capitalToFen(text: string): number | null {
  let rest = text.replace(/\s/g, '');
  if (rest.startsWith(PREFIX)) rest = rest.slice(PREFIX.length);
  const match = /^(?:([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)元)?零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?整?$/.exec(rest);
  if (!match || rest === '' || rest === '整') return null;
  const yuan = match[1] ? wholeNumber(match[1]) : 0;
  if (yuan === null) return null;
  return yuan * 100 + (match[2] ? DIGITS.indexOf(match[2]) * 10 : 0) + (match[3] ? DIGITS.indexOf(match[3]) : 0);
}

function wholeNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch in UNITS) {
      section += digit * UNITS[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else return null;
  }
  return total + section + digit;
}
