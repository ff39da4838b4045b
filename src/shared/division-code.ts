// Statistical division codes (统计用区划代码): 6 county + 3 township + 3 village digits.
// A street is its first 9 digits (township part 001–099); a community adds 001–199.

export type DivisionCodeProblem =
  | 'divisionCodeDigits'
  | 'divisionCodeStreetPart'
  | 'divisionCodeStreetTail'
  | 'divisionCodeCommunityPart'
  | 'divisionCodeOtherStreet';

/** Checks a street's code: 9 digits, or 12 digits ending in 000; township part 001–099. */
export function checkStreetCode(code: string): DivisionCodeProblem | null {
  if (!/^\d{9}$|^\d{12}$/.test(code)) return 'divisionCodeDigits';
  const township = Number(code.slice(6, 9));
  if (township < 1 || township > 99) return 'divisionCodeStreetPart';
  if (code.length === 12 && !code.endsWith('000')) return 'divisionCodeStreetTail';
  return null;
}

/** The 12-digit form of a valid street code. */
export function normalizeStreetCode(code: string): string {
  return code.length === 9 ? `${code}000` : code;
}

/** Checks a community's 12-digit code (residents' committee 001–199), optionally within a street. */
export function checkCommunityCode(code: string, streetCode?: string): DivisionCodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'divisionCodeDigits';
  const township = Number(code.slice(6, 9));
  if (township < 1 || township > 99) return 'divisionCodeStreetPart';
  const village = Number(code.slice(9, 12));
  if (village < 1 || village > 199) return 'divisionCodeCommunityPart';
  if (streetCode && code.slice(0, 9) !== streetCode.slice(0, 9)) return 'divisionCodeOtherStreet';
  return null;
}

/** Full-width digits and stray spaces are common when codes are pasted from WPS documents. */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\u3000-]/g, '');
}
