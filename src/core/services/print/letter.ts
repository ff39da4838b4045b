// The introduction letter (组织关系介绍信) as printed: the letter as issued, the member's particulars from
// the archive (or from the ID number for a person arriving from outside), the sender's contact block, and
// how often it was printed before, so a second copy is marked as a reprint.
import type { Db } from '../../db/connection';
import type { PrintLetter } from '../../../shared/api/contract-print';
import type { Language } from '../../../shared/api/schemas';
import { fileText } from '../../../shared/i18n/file-text';
import { checkCitizenId } from '../../../shared/validators/citizen-id';
import { Codes } from '../member-records';
import { getTransferRow } from '../transfers';
import { printHeading } from './heading';
import { officialNames } from '../organizations';
import { getStation, missingStation } from './station';
import { paidTo } from '../dues/payments';

/** The audit entity a letter's prints are recorded under: counting them says whether a copy is a reprint. */
export const LETTER_PRINT_ENTITY = 'transfer';

export function letterPrints(db: Db, transferId: number): number {
  return (
    db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'print.record' AND entity = ? AND entity_id = ?").get(LETTER_PRINT_ENTITY, String(transferId)) as {
      n: number;
    }
  ).n;
}

/** The letter of a transfer (a user limited to one community prints only letters that concern it: the dispatcher's scope check). */
export function letterData(db: Db, transferId: number, lang: Language, now: Date): PrintLetter {
  const t = getTransferRow(db, transferId, now);
  const member = t.memberId === null ? undefined : (db.prepare('SELECT sex, ethnicity, birth_date, phone FROM members WHERE id = ?').get(t.memberId) as MemberFacts | undefined);
  const id = checkCitizenId(t.memberIdNumber, now);
  const sex = member?.sex ?? (id.ok ? id.sex : null);
  const birthDate = member?.birth_date ?? (id.ok ? id.birthDate : null);
  const official = officialNames(db);
  const sender = getStation(db);
  // An incoming letter was written elsewhere: only what this office sends out must be complete.
  // 党费已交到 from the dues ledger when it has the member's payments; the month typed on the letter otherwise.
  const duesPaidTo = (t.direction === 'out' && t.memberId !== null ? paidTo(db, t.memberId) : null) ?? t.duesPaidTo;
  const missing = t.direction === 'in' ? [] : [...missingStation(sender, 'letter'), ...(duesPaidTo ? [] : (['duesPaidTo'] as const))];
  return {
    transferId: t.id,
    letterNumber: t.letterNumber,
    direction: t.direction,
    memberName: t.memberName.trim(),
    sex: sex === null ? '' : fileText(lang, sex === 1 ? 'male' : 'female'),
    age: birthDate ? ageOn(birthDate, t.issuedOn) : null,
    ethnicity: member?.ethnicity ? (new Codes(db).label('ethnicity', member.ethnicity) ?? '') : '',
    category: t.memberCategory,
    idNumber: t.memberIdNumber,
    memberPhone: member?.phone?.trim() ?? '',
    // Organizations of the street by their full official name, also on letters issued before it was stored.
    fromOrgName: t.fromOrgId === null ? t.fromOrgName : official(t.fromOrgId),
    toOrgName: t.toOrgId === null ? t.toOrgName : official(t.toOrgId),
    issuedOn: t.issuedOn,
    validDays: t.validDays,
    validUntil: t.validUntil,
    duesPaidTo,
    sender,
    heading: printHeading(db, undefined, now),
    previousPrints: letterPrints(db, t.id),
    missing,
  };
}

interface MemberFacts {
  sex: 1 | 2;
  ethnicity: string | null;
  birth_date: string;
  phone: string | null;
}

/** Whole years of age on a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5, 10) ? years - 1 : years;
}
