// Rosters written the ways other offices keep them, for property tests of the importer: header names (the
// national system's, a clerk's own, decorated with line breaks and notes), header shapes (plain, under a
// title, under merged group names), dates as text in four spellings or as date cells (also with the zh-CN
// built-in formats Excel and WPS write undeclared), code spellings (本科 / 大学本科, 汉 / 汉族), ID numbers and
// phones as typed, blank and footer rows, a notes sheet in front and a drop-down list sheet behind, and the
// file as .xlsx or as CSV in UTF-8 (with or without BOM) or GBK, comma or tab separated.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { citizenIdCheckDigit } from '../../src/shared/validators';
import { encodeGbk } from './gbk';

/** The clerk's today in the habit tests. */
export const HABIT_TODAY = new Date(2026, 2, 10);

export type Field = 'name' | 'sex' | 'ethnicity' | 'idNumber' | 'birthDate' | 'education' | 'category' | 'branch' | 'joinDate' | 'fullDate' | 'occupation' | 'phone' | 'address';

/** A member as the archive should hold it after the import (codes, ISO dates). */
export interface HabitMember {
  name: string;
  sex: 1 | 2;
  ethnicity: { code: string; words: string[] };
  idNumber: string;
  birthDate: string;
  education: { code: string; words: string[] };
  category: 'full' | 'probationary';
  branch: string;
  joinDate: string;
  fullDate: string | null;
  occupation: { code: string; words: string[] };
  phone: string;
  address: string;
}

export interface Habit {
  headers: 'national' | 'clerk' | 'decorated';
  shape: 'plain' | 'title' | 'groups' | 'twoRow';
  dates: 'iso' | 'chinese' | 'dotted' | 'slashed' | 'dateCell' | 'zhBuiltinDay' | 'zhBuiltinMonth';
  /** Index into each code's words: 0 the label, 1 the short word. */
  codeWord: 0 | 1;
  /** How the category is written: the full word, the short word, or left blank (taken from the 转正 date). */
  category: 'word' | 'short' | 'blank';
  id: 'plain' | 'apostrophe' | 'spaced' | 'fullWidth' | 'lowerX';
  phone: 'plain' | 'dashed' | 'spaced' | 'country' | 'number';
  blankRows: boolean;
  footer: boolean;
  notesSheet: boolean;
  listSheet: boolean;
  birthColumn: boolean;
  file: 'xlsx' | 'csvUtf8' | 'csvUtf8Bom' | 'csvGbk' | 'tsvGbk';
  /** The columns' order: a permutation seed. */
  order: number[];
}

const HEADERS: Record<Habit['headers'], Record<Field, string>> = {
  national: {
    name: '姓名',
    sex: '性别',
    ethnicity: '民族',
    idNumber: '公民身份号码',
    birthDate: '出生日期',
    education: '学历',
    category: '人员类别',
    branch: '所在党支部',
    joinDate: '加入党组织日期',
    fullDate: '转为正式党员日期',
    occupation: '工作岗位',
    phone: '联系电话',
    address: '家庭住址',
  },
  clerk: {
    name: '姓名',
    sex: '性  别',
    ethnicity: '民族',
    idNumber: '身份证号码',
    birthDate: '出生年月',
    education: '文化程度',
    category: '党员类别',
    branch: '所在党组织',
    joinDate: '入党时间',
    fullDate: '转正时间',
    occupation: '职业',
    phone: '手机号码',
    address: '现居住地',
  },
  decorated: {
    name: '姓 名',
    sex: '性别',
    ethnicity: '民 族',
    idNumber: '公民身份号码\n（18位）',
    birthDate: '出生日期\n(年月日)',
    education: '学历',
    category: '党员身份',
    branch: '党组织名称',
    joinDate: '入党日期\n（年月日）',
    fullDate: '转正日期（年月日）',
    occupation: '工作岗位',
    phone: '联系方式',
    address: '家庭住址',
  },
};

const GROUP_OF: Record<Field, '基本信息' | '党内信息' | '联系方式'> = {
  name: '基本信息',
  sex: '基本信息',
  ethnicity: '基本信息',
  idNumber: '基本信息',
  birthDate: '基本信息',
  education: '基本信息',
  occupation: '基本信息',
  category: '党内信息',
  branch: '党内信息',
  joinDate: '党内信息',
  fullDate: '党内信息',
  phone: '联系方式',
  address: '联系方式',
};

const ETHNICITIES = [
  { code: '01', words: ['汉族', '汉'] },
  { code: '03', words: ['回族', '回'] },
  { code: '08', words: ['壮族', '壮'] },
  { code: '11', words: ['满族', '满'] },
  { code: '02', words: ['蒙古族', '蒙古'] },
];
const EDUCATIONS = [
  { code: '21', words: ['大学本科', '本科'] },
  { code: '31', words: ['大学专科', '大专'] },
  { code: '41', words: ['中等专科', '中专'] },
  { code: '61', words: ['高中', '高中'] },
  { code: '14', words: ['硕士研究生', '硕士'] },
  { code: '10', words: ['研究生', '研究生'] },
];
const OCCUPATIONS = [
  { code: '4020', words: ['退休人员', '退休'] },
  { code: '0241', words: ['社区工作者', '社区干部'] },
  { code: '3000', words: ['学生', '在校学生'] },
  { code: '0261', words: ['自由职业人员', '自由职业'] },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
export const HABIT_BRANCHES = ['第一网格党支部', '第二网格党支部'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const DAY = 86_400_000;

/** Valid members, each with a different ID number; probationary ones joined within the last ten months. */
export function membersArb(min = 1, max = 12): fc.Arbitrary<HabitMember[]> {
  const one = fc.record({
    surname: fc.constantFrom(...SURNAMES),
    given: fc.constantFrom(...GIVEN),
    sex: fc.constantFrom<1 | 2>(1, 2),
    birth: fc.integer({ min: Date.UTC(1935, 0, 1) / DAY, max: Date.UTC(2006, 0, 1) / DAY }),
    ethnicity: fc.constantFrom(...ETHNICITIES),
    education: fc.constantFrom(...EDUCATIONS),
    occupation: fc.constantFrom(...OCCUPATIONS),
    probationary: fc.boolean(),
    joinShare: fc.double({ min: 0, max: 1, noNaN: true }),
    probationDays: fc.integer({ min: 366, max: 700 }),
    branch: fc.constantFrom(...HABIT_BRANCHES),
    phone: fc.integer({ min: 0, max: 99_999_999 }),
    room: fc.integer({ min: 101, max: 2806 }),
  });
  return fc.array(one, { minLength: min, maxLength: max }).map((drafts) =>
    drafts.map((d, i): HabitMember => {
      const birth = new Date(d.birth * DAY);
      const sequence = pad(100 + i * 2 + (d.sex === 1 ? 1 : 0), 3).slice(-3);
      const first17 = `370102${iso(birth).replace(/-/g, '')}${sequence}`;
      const idNumber = first17 + citizenIdCheckDigit(first17);
      const today = Date.UTC(2026, 2, 10) / DAY;
      const eighteen = Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()) / DAY;
      // A probationary member joined within the last ten months; a full one at least two years ago, at 18 or later.
      const probationary = d.probationary && eighteen < today - 300;
      const from = probationary ? Math.max(eighteen, today - 300) : eighteen;
      const to = probationary ? today - 1 : Math.max(eighteen, today - 800);
      const join = Math.floor(from + (to - from) * d.joinShare);
      const full = probationary ? null : Math.min(join + d.probationDays, today - 1);
      const fullOk = full !== null && full - join >= 365;
      return {
        name: d.surname + d.given,
        sex: Number(idNumber[16]) % 2 === 1 ? 1 : 2,
        ethnicity: d.ethnicity,
        idNumber,
        birthDate: iso(birth),
        education: d.education,
        category: probationary || !fullOk ? 'probationary' : 'full',
        branch: d.branch,
        joinDate: iso(new Date(join * DAY)),
        fullDate: fullOk ? iso(new Date(full! * DAY)) : null,
        occupation: d.occupation,
        phone: `13${pad(d.phone, 9)}`,
        address: `幸福路${d.room % 50}号${Math.floor(d.room / 100)}单元${d.room}室`,
      };
    }).filter((m) => m.category === 'full' || new Date(m.joinDate).getTime() > Date.UTC(2025, 3, 1)),
  );
}

export const habitArb: fc.Arbitrary<Habit> = fc.record({
  headers: fc.constantFrom('national', 'clerk', 'decorated'),
  shape: fc.constantFrom('plain', 'title', 'groups', 'twoRow'),
  dates: fc.constantFrom('iso', 'chinese', 'dotted', 'slashed', 'dateCell', 'zhBuiltinDay', 'zhBuiltinMonth'),
  codeWord: fc.constantFrom<0 | 1>(0, 1),
  category: fc.constantFrom('word', 'short', 'blank'),
  id: fc.constantFrom('plain', 'apostrophe', 'spaced', 'fullWidth', 'lowerX'),
  phone: fc.constantFrom('plain', 'dashed', 'spaced', 'country', 'number'),
  blankRows: fc.boolean(),
  footer: fc.boolean(),
  notesSheet: fc.boolean(),
  listSheet: fc.boolean(),
  birthColumn: fc.boolean(),
  file: fc.constantFrom('xlsx', 'csvUtf8', 'csvUtf8Bom', 'csvGbk', 'tsvGbk'),
  order: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 13, maxLength: 13 }),
}) as fc.Arbitrary<Habit>;

/** Whether the habit stores dates to the month only (what the archive then holds is YYYY-MM). */
const monthOnly = (habit: Habit) => habit.dates === 'zhBuiltinMonth' && habit.file === 'xlsx';

/** The columns a habit writes, in its order; groups keep their columns together. */
export function columnsOf(habit: Habit): Field[] {
  const fields: Field[] = ['name', 'sex', 'ethnicity', 'idNumber', 'education', 'occupation', 'category', 'branch', 'joinDate', 'fullDate', 'phone', 'address'];
  if (habit.birthColumn) fields.splice(4, 0, 'birthDate');
  const rank = new Map(fields.map((f, i) => [f, habit.order[i] ?? i]));
  const groupRank = { 基本信息: 0, 党内信息: 1, 联系方式: 2 };
  return [...fields].sort((a, b) =>
    habit.shape === 'groups' || habit.shape === 'twoRow' ? groupRank[GROUP_OF[a]] - groupRank[GROUP_OF[b]] || rank.get(a)! - rank.get(b)! : rank.get(a)! - rank.get(b)!,
  );
}

/** The header text the habit writes for a field. */
export const headerOf = (habit: Habit, field: Field) => HEADERS[habit.headers][field];

function idAsTyped(id: string, habit: Habit): string {
  switch (habit.id) {
    case 'apostrophe':
      return `'${id}`;
    case 'spaced':
      return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    case 'fullWidth':
      return id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'lowerX':
      return id.toLowerCase();
    default:
      return id;
  }
}

function phoneAsTyped(phone: string, habit: Habit, text: boolean): string | number {
  switch (habit.phone) {
    case 'dashed':
      return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    case 'spaced':
      return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    case 'country':
      return `+86 ${phone}`;
    case 'number':
      return text ? phone : Number(phone);
    default:
      return phone;
  }
}

function dateAsWritten(date: string, habit: Habit, text: boolean): string | Date {
  const [y, m, d] = date.split('-').map(Number);
  const style = text && ['dateCell', 'zhBuiltinDay', 'zhBuiltinMonth'].includes(habit.dates) ? 'iso' : habit.dates;
  switch (style) {
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'dotted':
      return `${y}.${pad(m)}.${pad(d)}`;
    case 'slashed':
      return `${y}/${m}/${d}`;
    case 'dateCell':
    case 'zhBuiltinDay':
    case 'zhBuiltinMonth':
      return new Date(Date.UTC(y, m - 1, d));
    default:
      return date;
  }
}

const CATEGORY_WORDS = { word: { full: '正式党员', probationary: '预备党员' }, short: { full: '正式', probationary: '预备' } };

/** One member's cells in the habit's columns, as the file holds them. */
export function cellsOf(member: HabitMember, habit: Habit, columns: Field[], text: boolean): (string | number | Date | null)[] {
  const value = (field: Field): string | number | Date | null => {
    switch (field) {
      case 'name':
        return member.name;
      case 'sex':
        return member.sex === 1 ? '男' : '女';
      case 'ethnicity':
        return member.ethnicity.words[habit.codeWord];
      case 'idNumber':
        return idAsTyped(member.idNumber, habit);
      case 'birthDate':
        return dateAsWritten(member.birthDate, habit, text);
      case 'education':
        return member.education.words[habit.codeWord];
      case 'occupation':
        return member.occupation.words[habit.codeWord];
      case 'category':
        return habit.category === 'blank' && member.fullDate ? null : CATEGORY_WORDS[habit.category === 'short' ? 'short' : 'word'][member.category];
      case 'branch':
        return member.branch;
      case 'joinDate':
        return dateAsWritten(member.joinDate, habit, text);
      case 'fullDate':
        return member.fullDate ? dateAsWritten(member.fullDate, habit, text) : null;
      case 'phone':
        return phoneAsTyped(member.phone, habit, text);
      case 'address':
        return member.address;
    }
  };
  return columns.map(value);
}

interface Layout {
  rows: (string | number | Date | null)[][];
  merges: [number, number, number, number][];
  headerRows: number;
  firstDataRow: number;
}

/** The sheet's rows (title, header, members, blank and footer rows) and merged blocks (1-based, r1 c1 r2 c2). */
export function layoutOf(members: HabitMember[], habit: Habit, text: boolean, override?: (member: HabitMember, index: number, cells: (string | number | Date | null)[]) => void): Layout {
  const columns = columnsOf(habit);
  const rows: Layout['rows'] = [];
  const merges: Layout['merges'] = [];
  const width = columns.length;
  if (habit.shape !== 'plain') {
    rows.push(['幸福社区党员花名册', ...Array(width - 1).fill(null)]);
    merges.push([rows.length, 1, rows.length, width]);
    rows.push(['填报单位：幸福社区党委', ...Array(width - 2).fill(null), '填报日期：2026年3月1日']);
  }
  const headers = columns.map((f) => headerOf(habit, f));
  if (habit.shape === 'groups' || habit.shape === 'twoRow') {
    const top = rows.length + 1;
    const groupRow: (string | null)[] = [];
    let start = 0;
    for (let c = 0; c <= width; c++) {
      if (c === width || (c > 0 && GROUP_OF[columns[c]] !== GROUP_OF[columns[c - 1]])) {
        const group = GROUP_OF[columns[start]];
        const span = c - start;
        if (habit.shape === 'twoRow' && group === '基本信息') {
          // Person's columns stand alone, merged down over both header rows.
          for (let k = start; k < c; k++) {
            groupRow[k] = headers[k];
            merges.push([top, k + 1, top + 1, k + 1]);
          }
        } else {
          groupRow[start] = group;
          for (let k = start + 1; k < c; k++) groupRow[k] = null;
          if (span > 1) merges.push([top, start + 1, top, c]);
        }
        start = c;
      }
    }
    rows.push(groupRow);
    rows.push(habit.shape === 'twoRow' ? headers.map((h, k) => (GROUP_OF[columns[k]] === '基本信息' ? null : h)) : headers);
  } else rows.push(headers);
  const headerRows = rows.length;
  members.forEach((member, i) => {
    const cells = cellsOf(member, habit, columns, text);
    override?.(member, i, cells);
    rows.push(cells);
    if (habit.blankRows && i % 4 === 1) rows.push(Array(width).fill(null));
  });
  if (habit.footer) {
    rows.push(['合计', `${members.length}人`, ...Array(width - 2).fill(null)]);
    rows.push(['填表人：李娜', null, null, '审核人：王强', ...Array(width - 4).fill(null)]);
  }
  return { rows, merges, headerRows, firstDataRow: headerRows + 1 };
}

/** Excel's A1 name of a 1-based column. */
const letter = (c: number): string => (c > 26 ? letter(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));

const ZH_BUILTIN = { zhBuiltinDay: { id: 31, code: 'yyyy"年"m"月"d"日"' }, zhBuiltinMonth: { id: 57, code: 'yyyy"年"m"月"' } } as const;

/**
 * The workbook's bytes. For the zh-CN built-in date formats the styles part is rewritten as Excel and WPS
 * in Chinese write it: the cells point at id 31 or 57 and the format is not declared.
 */
async function xlsxBytes(layout: Layout, habit: Habit): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (habit.notesSheet) {
    const notes = book.addWorksheet('填表说明');
    notes.addRow(['填表说明']);
    notes.addRow(['1. 姓名、性别、民族、公民身份号码为必填项']);
    notes.addRow(['2. 日期请按 年-月-日 填写，如 2015-07-01']);
  }
  const sheet = book.addWorksheet('党员名册');
  const builtin = habit.dates in ZH_BUILTIN ? ZH_BUILTIN[habit.dates as keyof typeof ZH_BUILTIN] : null;
  layout.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = builtin ? builtin.code : 'yyyy-mm-dd';
    });
  });
  for (const [r1, c1, r2, c2] of layout.merges) sheet.mergeCells(`${letter(c1)}${r1}:${letter(c2)}${r2}`);
  if (habit.listSheet) {
    const list = book.addWorksheet('下拉选项');
    list.addRow(['性别', '民族', '学历', '人员类别']);
    list.addRow(['男', '汉族', '大学本科', '正式党员']);
    list.addRow(['女', '回族', '大学专科', '预备党员']);
  }
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  if (!builtin) return bytes;
  const files = unzipSync(bytes);
  let styles = strFromU8(files['xl/styles.xml']);
  const escaped = builtin.code.replace(/"/g, '&quot;');
  const declared = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*/>`).exec(styles);
  if (!declared) throw new Error('exceljs did not declare the date format: the generator needs a look');
  styles = styles.replace(declared[0], '').replace(new RegExp(`numFmtId="${declared[1]}"`, 'g'), `numFmtId="${builtin.id}"`);
  files['xl/styles.xml'] = strToU8(styles);
  return zipSync(files);
}

function csvText(layout: Layout, separator: ',' | '\t'): string {
  const quote = (v: string | number | Date | null): string => {
    if (v === null) return '';
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return layout.rows.map((r) => r.map(quote).join(separator)).join('\r\n') + '\r\n';
}

export interface WrittenRoster {
  bytes: Uint8Array;
  fileName: string;
  layout: Layout;
  columns: Field[];
}

/** Writes the members in the habit; `override` may change a member's cells (to break a rule). */
export async function writeRoster(
  members: HabitMember[],
  habit: Habit,
  override?: (member: HabitMember, index: number, cells: (string | number | Date | null)[]) => void,
): Promise<WrittenRoster> {
  const text = habit.file !== 'xlsx';
  const layout = layoutOf(members, habit, text, override);
  const columns = columnsOf(habit);
  if (!text) return { bytes: await xlsxBytes(layout, habit), fileName: '党员名册.xlsx', layout, columns };
  const body = csvText(layout, habit.file === 'tsvGbk' ? '\t' : ',');
  const bytes =
    habit.file === 'csvUtf8Bom'
      ? new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)])
      : habit.file === 'csvUtf8'
        ? new TextEncoder().encode(body)
        : encodeGbk(body);
  return { bytes, fileName: habit.file === 'tsvGbk' ? '党员名册.txt' : '党员名册.csv', layout, columns };
}

/** What the archive holds for a member after importing it written in the habit. */
export function expectedRecord(member: HabitMember, habit: Habit) {
  const date = (d: string | null) => (d === null ? null : monthOnly(habit) ? d.slice(0, 7) : d);
  return {
    name: member.name,
    sex: member.sex,
    ethnicity: member.ethnicity.code,
    id_number: member.idNumber,
    birth_date: member.birthDate,
    education: member.education.code,
    category: member.category,
    join_date: date(member.joinDate),
    full_date: date(member.fullDate),
    occupation: member.occupation.code,
    phone: member.phone,
    address: member.address,
  };
}
