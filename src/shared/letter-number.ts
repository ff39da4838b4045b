// The form of the street's introduction letter numbers ("东华门组转〔2026〕007号"), shared by core (which gives
// them) and the settings page (which shows the default prefix).

/** The street's name without its kind: 东华门街道 → 东华门, 和平街道办事处 → 和平. */
export function streetShortName(name: string): string {
  const short = name.trim().replace(/(街道办事处|街道办|办事处|街道|地区|镇|乡)$/u, '');
  return short || name.trim();
}

/** 东华门街道 → 东华门组转: the usual form of a street's letter prefix (组 for the organization office, 转 for transfer). */
export function defaultLetterPrefix(streetName: string): string {
  return `${streetShortName(streetName)}组转`;
}

export function formatLetterNumber(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${String(n).padStart(3, '0')}号`;
}

/** The year and sequence of a number written in this street's form (brackets 〔〕, [] or () alike), or null. */
export function parseLetterNumber(prefix: string, text: string): { year: number; n: number } | null {
  if (!text.startsWith(prefix)) return null;
  const m = /^[〔[（(]\s*(\d{4})\s*[〕\]）)]\s*0*(\d{1,6})\s*号?$/u.exec(text.slice(prefix.length).trim());
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null;
}

