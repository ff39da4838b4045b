// The counter's papers: the three-lists board for the station wall (即办 / 代办 / 指导 with materials,
// time limit and post) and the slip handed to a resident (number, matter, what to bring, due date, phone).
import type { Db } from '../../db/connection';
import type { PrintSlip, PrintThreeLists } from '../../../shared/api/contract-print';
import { LIST_CLASSES } from '../../../shared/api/schemas-counter';
import { getMatter, listMatters } from '../counter/matters';
import { getRequestRow, type Today } from '../counter/request-rows';
import { printHeading } from './heading';
import { getStation, missingStation } from './station';

export function threeListsData(db: Db, now: Date): PrintThreeLists {
  const matters = listMatters(db, false);
  const station = getStation(db);
  return {
    heading: printHeading(db, undefined, now),
    station,
    missing: missingStation(station, 'threeLists'),
    sections: LIST_CLASSES.map((listClass) => ({
      listClass,
      matters: matters
        .filter((m) => m.listClass === listClass)
        // Trimmed as printed: a value typed with a leading space would stand out of line on the wall.
        .map((m) => ({ name: m.name.trim(), materials: m.materials.map((x) => x.trim()), limitDays: m.limitDays, responsiblePost: m.responsiblePost.trim(), fee: m.fee.trim() })),
    })),
  };
}

/** The slip of a request (a user limited to one community prints only its own: the dispatcher's scope check). */
export function slipData(db: Db, requestId: number, day: Today, now: Date): PrintSlip {
  const r = getRequestRow(db, requestId, day);
  const waiting = r.status === 'waiting_docs' && !!r.missingDocuments;
  const materials = waiting ? splitList(r.missingDocuments ?? '') : (JSON.parse(getMatter(db, r.matterId).materials) as string[]).map((x) => x.trim());
  const station = getStation(db);
  return {
    requestId: r.id,
    number: r.number,
    matterName: r.matterName.trim(),
    listClass: r.listClass,
    communityName: r.communityName,
    residentName: r.residentName.trim(),
    acceptedOn: r.acceptedOn,
    dueOn: r.dueOn,
    limitDays: r.limitDays,
    materialsNeeded: materials,
    waitingForDocuments: waiting,
    station,
    heading: printHeading(db, undefined, now),
    acceptedBy: displayName(db, r.acceptedBy),
    missing: missingStation(station, 'slip'),
  };
}

/** The clerk as residents know them (their display name), not their login. */
function displayName(db: Db, username: string | null): string {
  if (!username) return '';
  const row = db.prepare('SELECT display_name FROM users WHERE username = ?').get(username) as { display_name: string } | undefined;
  return (row?.display_name || username).trim();
}

/** Missing documents as the clerk typed them: one per line or separated by 、，；. */
function splitList(text: string): string[] {
  return text
    .split(/[\n、，,；;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
