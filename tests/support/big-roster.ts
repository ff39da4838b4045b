// A large, valid roster workbook (every row its own valid ID number, eight grid branches) for the crash
// test and the synchronous-mode measurement: the shape of bench.ts's roster, streamed to disk.
import ExcelJS from 'exceljs';
import { citizenIdCheckDigit } from '../../src/shared/validators/citizen-id';

export const BRANCHES = Array.from({ length: 8 }, (_, g) => `第${g + 1}网格党支部`);

export const BIG_ROSTER_HEADER = ['序号', '所在党支部', '姓名', '性别', '公民身份号码', '人员类别', '入党日期', '转正日期', '联系电话', '家庭住址'];

const SURNAMES = '王李张刘陈杨黄赵吴周';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋';

/** Row `i` of the roster (0-based): its own valid ID number, one of eight branches, a phone and an address. */
export function bigRosterRow(i: number): (string | number)[] {
  // Year, month and day vary with different strides so that every row has its own ID number.
  const birth = `19${50 + (i % 45)}0${1 + (Math.floor(i / 45) % 9)}${10 + (Math.floor(i / 405) % 19)}`;
  const seq = String(100 + Math.floor(i / 7695)).padStart(3, '0');
  const first17 = `370782${birth}${seq}`;
  const joinYear = 1975 + (i % 45);
  return [
    i + 1,
    BRANCHES[i % 8],
    SURNAMES[i % 10] + GIVEN[(i * 7) % 12] + GIVEN[(i * 3) % 12],
    Number(seq[2]) % 2 === 1 ? '男' : '女',
    first17 + citizenIdCheckDigit(first17),
    '正式党员',
    `${joinYear}-07-01`,
    `${joinYear + 1}-07-01`,
    `138${String(i).padStart(8, '0')}`,
    `基准社区${1 + (i % 8)}区${1 + (i % 12)}号楼`,
  ];
}

export async function writeBigRoster(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('花名册');
  sheet.addRow(BIG_ROSTER_HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(bigRosterRow(i)).commit();
  await writer.commit();
}
