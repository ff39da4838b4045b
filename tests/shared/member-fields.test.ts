// The member field table (src/shared/members/fields.ts) is the one declaration of a member field: for every
// field in it, the value a clerk types reaches its column and comes back on the wire unchanged, the wire
// record goes back in as cells without changing anything, an export of it imports into another street's
// archive as the same record, the grid, the export and the importer each know the field (or the table says
// why not), and the catalogs name it in both languages. A field added to the table and missed by any of
// the mappings fails here.
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../src/shared/api/contract';
import { MEMBER_FIELD_LABELS } from '../../src/shared/i18n/member-fields';
import {
  BOARD_FIELDS,
  COMMUNITY_COLUMN,
  EXPORT_FIELDS,
  GRID_FIELDS,
  GRID_HIDDEN_AT_FIRST,
  MEMBER_FIELDS,
  NATIONAL_ITEMS,
  fieldForHeader,
  importHeaders,
  type MemberField,
} from '../../src/shared/members/fields';
import { memberColumns } from '../../src/renderer/src/pages/members/member-columns';
import { appsForEachTest, type TestApp } from '../support/factory';

const app = appsForEachTest();

const ID_NUMBER = '370101190102039973'; // a man born 1901-02-03
const BRANCH = '第一网格党支部';
const GRID = '第一网格';

/** A street with a community, its grid and a branch under the community committee. */
async function street(): Promise<TestApp & { branch: number }> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001' }, t.adminToken);
  await t.app.invoke('grids.save', { communityId: community.id, name: GRID }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: BRANCH, level: 'branch' }, t.adminToken);
  return Object.assign(t, { branch: branch.id });
}

/** Dates that keep the record's own rules (joined at 18 or later, full a year after joining). */
const DATES: Record<string, [cell: string, wire: string]> = {
  birthDate: ['1901年2月3日', '1901-02-03'],
  joinDate: ['1950.07.01', '1950-07-01'],
  fullDate: ['1951-07-01', '1951-07-01'],
};

/**
 * What a clerk would type into each field, and what the wire should carry: by the field's kind and how the
 * table keeps it, so a new field of a known kind needs no change here. Not the default value (a flag is 是,
 * the standing is 停止党籍), so a field the mapping drops shows.
 */
async function sample(t: TestApp, f: MemberField): Promise<[cell: unknown, wire: unknown]> {
  if (f.store.as === 'code') {
    const table = f.store.table;
    const code = (await t.app.invoke('codes.list', {}, t.adminToken))[table].find((c) => !c.retired)!;
    return [code.label, code.code];
  }
  if (f.store.as === 'flag') return ['是', true];
  switch (f.kind) {
    case 'name':
      return ['张 三丰', '张三丰'];
    case 'sex':
      return ['男', 1];
    case 'citizenId':
      return [ID_NUMBER, ID_NUMBER];
    case 'date':
      return DATES[f.key] ?? ['2015年3月8日', '2015-03-08'];
    case 'category':
      return ['正式党员', 'full'];
    case 'standing':
      return ['停止党籍', 'suspended'];
    case 'organization':
      return [BRANCH, BRANCH];
    case 'grid':
      return [GRID, GRID];
    case 'phone':
      return ['１３８-１２３４-５６７８', '13812345678'];
    case 'text':
      return [`样例${f.key}`.slice(0, 12), `样例${f.key}`.slice(0, 12)];
    default:
      throw new Error(`no sample for a field of kind ${f.kind} (${f.key}): add one here`);
  }
}

async function fullMember(t: TestApp & { branch: number }): Promise<{ member: MemberRow; expected: Record<string, unknown> }> {
  const cells: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const f of MEMBER_FIELDS) [cells[f.key], expected[f.key]] = await sample(t, f);
  const { branch: _branch, ...rest } = cells;
  const fields = rest as Record<string, string | number | boolean | null>;
  const member = await t.app.invoke('members.create', { orgId: t.branch, fields }, t.adminToken);
  return { member, expected };
}

const wireOf = (m: MemberRow, key: string) => (m as unknown as Record<string, unknown>)[key];

describe('every field of the member field table', () => {
  it('goes from the typed cell to its column and back to the wire', async () => {
    const t = await street();
    const { member, expected } = await fullMember(t);
    const got = Object.fromEntries(MEMBER_FIELDS.map((f) => [f.key, wireOf(member, f.key)]));
    expect(got).toEqual(expected);

    // The column the table names holds the value (a flag as 1, the branch and grid as their ids).
    const row = t.app.database.prepare('SELECT * FROM members WHERE id = ?').get(member.id) as Record<string, unknown>;
    for (const f of MEMBER_FIELDS) {
      const store = f.store;
      if (store.as === 'flag') expect(row[store.column], f.key).toBe(1);
      else if (store.as === 'branch') expect(row[store.column], f.key).toBe(member.orgId);
      else if (store.as === 'grid') expect(row[store.column], f.key).toBe(member.gridId);
      else if (store.as !== 'community') expect(row[store.column], f.key).toBe(wireOf(member, f.key));
    }
  });

  it('goes back in from the wire as cells without changing the record', async () => {
    const t = await street();
    const { member } = await fullMember(t);
    const fields = Object.fromEntries(MEMBER_FIELDS.filter((f) => f.key !== 'branch').map((f) => [f.key, wireOf(member, f.key) as string | number | boolean | null]));
    const again = await t.app.invoke('members.update', { id: member.id, version: member.version, fields }, t.adminToken);
    for (const f of MEMBER_FIELDS) expect(wireOf(again, f.key), f.key).toEqual(wireOf(member, f.key));
    const detail = await t.app.invoke('members.get', { id: member.id }, t.adminToken);
    expect(detail.events.filter((e) => e.kind === 'edited')).toEqual([]);
  });

  it('is an export column with its name as the header, and the export imports as the same record', async () => {
    const t = await street();
    const { member } = await fullMember(t);
    const columns = EXPORT_FIELDS.map((f) => f.key);
    const exported = await t.app.invoke('members.export', { status: 'active', sort: [{ field: 'name', dir: 'asc' }], columns }, t.adminToken);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(EXPORT_FIELDS.map((f) => MEMBER_FIELD_LABELS['zh-CN'][f.key as keyof (typeof MEMBER_FIELD_LABELS)['zh-CN']]));
    const cells = (sheet.getRow(3).values as unknown[]).slice(1);
    EXPORT_FIELDS.forEach((f, i) => expect(cells[i], f.key).not.toBeUndefined());

    // Another street with the same branch and grid reads the file back as the same record.
    const other = await street();
    const report = await other.app.invoke('members.importCommit', { fileName: 'export.xlsx', bytes: new Uint8Array(exported.bytes), headerRow: 2 }, other.adminToken);
    expect(report.rejected).toEqual([]);
    expect(report.created).toBe(1);
    const imported = (await other.app.invoke('members.list', { status: 'active' }, other.adminToken)).members[0];
    for (const f of EXPORT_FIELDS) {
      // Codes are kept by their code in each street's (identical, built-in) tables.
      expect(wireOf(member, f.key), f.key).not.toBeUndefined();
      expect(wireOf(imported, f.key), f.key).toEqual(wireOf(member, f.key));
    }
  });

  it('is known to the grid, the export and the importer, or the table says why not', () => {
    const t = ((key: string) => key) as unknown as TFunction;
    const gridColumns = new Map(memberColumns({ lang: 'zh-CN', t, hidden: new Set(), codes: null, editing: null }).map((c) => [c.colId, c]));
    for (const f of [...MEMBER_FIELDS, COMMUNITY_COLUMN]) {
      if ('not' in f.grid) expect(f.grid.not, f.key).not.toBe('');
      else {
        expect(gridColumns.get(f.key)?.headerName, f.key).toBe(f.zh);
        expect(gridColumns.get(f.key)?.width, f.key).toBeGreaterThan(40);
      }
      if ('not' in f.export) expect(f.export.not, f.key).not.toBe('');
      else expect(EXPORT_FIELDS, f.key).toContain(f);
      // Every header a roster may use for the field finds it, and no other field took one of them.
      for (const header of importHeaders(f)) expect(fieldForHeader(header)?.key, `${f.key} ← ${header}`).toBe(f.key);
    }
    expect(GRID_FIELDS.filter((f) => GRID_HIDDEN_AT_FIRST.includes(f.key)).map((f) => f.key)).toEqual(['community', 'employerOrg', 'skills', 'nativePlace', 'workStartDate']);
    // The national sheet: its 16 items, in its order, with its names.
    expect(NATIONAL_ITEMS.map((i) => i.header)).toEqual([
      '姓名', '性别', '民族', '公民身份号码', '出生日期', '学历', '人员类别', '所在党支部', '加入党组织日期', '转为正式党员日期', '工作岗位', '联系电话', '家庭住址', '党籍状态', '失去联系日期', '外出流向',
    ]);
    // Public on the probationary board: never the ID number, the phone or the category.
    expect(BOARD_FIELDS.map((f) => f.key)).toEqual(['name', 'sex', 'ethnicity', 'birthDate', 'education', 'occupation', 'joinDate', 'address']);
  });

  it('is named in both catalogs: Chinese in zh-CN, none in en, no two fields alike', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const labels = MEMBER_FIELD_LABELS[lang];
      const keys = [...MEMBER_FIELDS, COMMUNITY_COLUMN].map((f) => f.key);
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const label = labels[key as keyof typeof labels];
        expect(label.trim(), `${lang} ${key}`).not.toBe('');
        expect(/[\u4e00-\u9fff]/.test(label), `${lang} ${key}: ${label}`).toBe(lang === 'zh-CN');
      }
      expect(new Set(Object.values(labels)).size).toBe(keys.length);
    }
    expect(MEMBER_FIELDS.find((f) => f.key === 'phone')).toMatchObject({ zh: '联系电话', en: 'Phone' });
  });
});
