// Shared set-up for the development tests: valid citizen ID numbers for a birth date, a street with a
// community, its committee and a branch, and full members to name as contacts and introducers.
import ExcelJS from 'exceljs';
import { citizenIdCheckDigit } from '../../../src/shared/validators';
import type { TestApp } from '../../support/factory';

/** A valid 18-digit number for someone born on `birth` (YYYY-MM-DD); `seq` varies the 3 digits before the check. */
export function idFor(birth: string, seq = 1, sex: 1 | 2 = 1): string {
  const order = String(seq * 2 + (sex === 1 ? 1 : 0)).padStart(3, '0').slice(-3);
  const first17 = `110101${birth.replace(/-/g, '')}${order}`;
  return first17 + citizenIdCheckDigit(first17);
}

export interface DevelopStreet {
  communityId: number;
  committeeId: number;
  branchId: number;
  /** Full members of the branch, ids. */
  members: number[];
}

export async function developStreet(t: TestApp, name = '东华社区', code = '110101001001', token = t.adminToken): Promise<DevelopStreet> {
  const communityId = (await t.app.invoke('communities.save', { name, divisionCode: code }, token)).id;
  const tree = await t.app.invoke('orgs.tree', {}, token);
  const root = tree.find((o) => o.parentId === null) ?? tree[0];
  const committeeId = (await t.app.invoke('orgs.create', { parentId: root.id, name: `${name}党委`, level: 'community_committee', communityId }, token)).id;
  const branchId = (await t.app.invoke('orgs.create', { parentId: committeeId, name: `${name}第一党支部`, level: 'branch' }, token)).id;
  const members: number[] = [];
  for (const [i, n] of ['王建国', '李秀英', '赵志强'].entries()) {
    const m = await t.app.invoke('members.create', { orgId: branchId, fields: { name: n, idNumber: idFor(`196${i}-05-0${i + 1}`, 100 + i + 10 * Number(code.slice(-2))), category: 'full', joinDate: '1990-07-01', fullDate: '1991-07-01' } }, token);
    members.push(m.id);
  }
  return { communityId, committeeId, branchId, members };
}

/** A pipeline workbook as an office keeps it: the rows as given (the first is usually the header). */
export async function pipelineWorkbook(rows: unknown[][], sheetName = '发展党员'): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  const bytes = new Uint8Array(written.byteLength);
  bytes.set(written);
  return bytes;
}
