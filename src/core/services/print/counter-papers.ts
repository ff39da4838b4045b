// The counter's papers: the three-lists board for the station wall (即办 / 代办 / 指导 with materials,
// time limit and post) and the slip handed to a resident (number, matter, what to bring, due date, phone).
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { PrintSlip, PrintThreeLists } from '../../../shared/api/contract-print';
import { LIST_CLASSES } from '../../../shared/api/schemas-counter';
import { getMatter, listMatters } from '../counter/matters';
import { getRequestRow, type Today } from '../counter/request-rows';
import { printHeading } from './heading';
import { getStation } from './station';

export function threeListsData(db: SqliteDatabase, now: Date): PrintThreeLists {
  const matters = listMatters(db, false);
  return {
    heading: printHeading(db, undefined, now),
    station: getStation(db),
    sections: LIST_CLASSES.map((listClass) => ({
      listClass,
      matters: matters
        .filter((m) => m.listClass === listClass)
        .map((m) => ({ name: m.name, materials: m.materials, limitDays: m.limitDays, responsiblePost: m.responsiblePost, fee: m.fee })),
    })),
  };
}

/** The slip of a request (a user limited to one community prints only its own: the dispatcher's scope check). */
export function slipData(db: SqliteDatabase, requestId: number, day: Today, now: Date): PrintSlip {
  const r = getRequestRow(db, requestId, day);
  const waiting = r.status === 'waiting_docs' && !!r.missingDocuments;
  const materials = waiting ? splitList(r.missingDocuments ?? '') : JSON.parse(getMatter(db, r.matterId).materials) as string[];
  return {
    requestId: r.id,
    number: r.number,
    matterName: r.matterName,
    listClass: r.listClass,
    communityName: r.communityName,
    residentName: r.residentName,
    acceptedOn: r.acceptedOn,
    dueOn: r.dueOn,
    limitDays: r.limitDays,
    materialsNeeded: materials,
    waitingForDocuments: waiting,
    station: getStation(db),
    heading: printHeading(db, undefined, now),
  };
}

/** Missing documents as the clerk typed them: one per line or separated by 、，；. */
function splitList(text: string): string[] {
  return text
    .split(/[\n、，,；;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
