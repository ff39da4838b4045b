// Person names as clerks type and paste them, and the full-width → half-width folding the other validators
// share. Minority names keep one middle dot (阿依古丽·买买提); Latin names keep single spaces.

export const NAME_PROBLEMS = ['required', 'nameChars', 'tooLong'] as const;
export type NameProblem = (typeof NAME_PROBLEMS)[number];

export type NameCheck =
  | { ok: true; value: string }
  | { ok: false; problem: NameProblem; params?: Record<string, string | number> };

export const MAX_NAME_LENGTH = 40;

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Input methods and fonts offer many look-alike dots; the archive keeps only U+00B7.
const DOT_BETWEEN_HAN = /(?<=\p{Script=Han})\s*[·•・‧．.･∙⋅]\s*(?=\p{Script=Han})/gu;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const NAME_CHARS = /^[\p{Script=Han}\p{Script=Latin}·' .-]+$/u;
const LETTER = /[\p{Script=Han}\p{Script=Latin}]/u;

/** Full-width ASCII (ＡＢＣ１２３＋) becomes half-width and the ideographic space a plain space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export function normalizePersonName(raw: string): NameCheck {
  const value = toHalfWidth(raw.replace(INVISIBLE, '').replace(DOT_BETWEEN_HAN, '·'))
    .replace(SPACE_BETWEEN_HAN, '')
    .replace(/\s*·\s*/g, '·')
    .replace(/\s+/g, ' ')
    .trim();
  if (value === '') return { ok: false, problem: 'required' };
  if (!NAME_CHARS.test(value) || !LETTER.test(value) || /^·|·$|··/.test(value)) {
    return { ok: false, problem: 'nameChars' };
  }
  if ([...value].length > MAX_NAME_LENGTH) return { ok: false, problem: 'tooLong', params: { max: MAX_NAME_LENGTH } };
  return { ok: true, value };
}
