// The members grid's editing against the real core on a real database, as a clerk uses it: a cell typed and
// undone, a block pasted and undone as one step, rows pasted past the last member, a member someone else
// saves meanwhile, and drafts of new members that stay while the rows reload. No grid is drawn: editing
// works on the grid's rows when there is one, and on the core's answers when there is not.
import type { IRowNode } from 'ag-grid-community';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Method } from '../../src/shared/api/contract';
import { formatError } from '../../src/shared/i18n/messages';
import { ApiCallError } from '../../src/renderer/src/api/call-error';
import { memberEditZhCN } from '../../src/renderer/src/i18n/member-edit.zh-CN';
import { MemberEditing, type EditingCall, type EditingHost, type GridRow, type NewMemberTarget, type Row } from '../../src/renderer/src/pages/members/member-editing';
import { addUser, appsForEachTest, type TestApp } from '../support/factory';

const app = appsForEachTest();

/** The columns as the grid shows them: the branch cannot be typed into. */
const COLUMNS = ['name', 'idNumber', 'branch', 'phone', 'address'];
const editable = (field: string) => field !== 'branch';
const PHONE = COLUMNS.indexOf('phone');

/** An ID number with its check digit (GB 11643). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface Street extends TestApp {
  branch: NewMemberTarget;
  clerk: string;
  /** The members in the grid's order. */
  rows(): Promise<Row[]>;
  member(id: number): Promise<Row>;
  /** A call as another clerk's window makes it. */
  asOther(method: Method, input: unknown): Promise<unknown>;
}

async function street(): Promise<Street> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch' }, t.adminToken);
  for (const [name, id, phone] of [
    ['张三', idNumber('11010119800101001'), '13800000001'],
    ['李四', idNumber('11010119810202002'), '13800000002'],
  ]) {
    await t.app.invoke('members.create', { orgId: branch.id, fields: { name, idNumber: id, phone, joinDate: '2005-07-01', category: '正式党员' } }, t.adminToken);
  }
  const clerk = await addUser(t, 'clerk');
  const other = await addUser(t, 'clerk');
  return Object.assign(t, {
    branch: { orgId: branch.id, name: branch.name },
    clerk: clerk.token,
    rows: async () => (await t.app.invoke('members.list', {}, clerk.token)).members as Row[],
    member: async (id: number) => (await t.app.invoke('members.get', { id }, clerk.token)).member as Row,
    asOther: async (method: Method, input: unknown) => {
      const result = await t.app.call(method, input, other.token);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  });
}

/**
 * The clerk's calls, answered by the core as the app's client answers them. `before` runs ahead of each
 * members.update: another clerk saving the same member at that moment.
 */
function clerkCalls(s: Street, before?: (id: number) => Promise<void>): EditingCall {
  return (async (method: Method, input?: unknown) => {
    if (method === 'members.update' && before) await before((input as { id: number }).id);
    const result = await s.app.call(method, input ?? {}, s.clerk);
    if (!result.ok) throw new ApiCallError(method, result.error);
    return result.value;
  }) as EditingCall;
}

/** The window's texts in Chinese, the default language, from the app's own catalog. */
const texts = i18next.createInstance();
await texts.init({ resources: { 'zh-CN': { translation: memberEditZhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false } });

function editingOf(s: Street, options: { target?: NewMemberTarget | null; before?: (id: number) => Promise<void> } = {}) {
  const reloads: number[] = [];
  const host: EditingHost = {
    grid: () => null,
    filters: () => ({}),
    sort: () => [],
    newMemberTarget: () => (options.target === undefined ? s.branch : options.target),
    onMembersAdded: (count) => reloads.push(count),
  };
  const editing = new MemberEditing(host, {
    call: clerkCalls(s, options.before),
    t: (key, values) => texts.t(key, values),
    language: () => 'zh-CN',
    // As the app says a failed call: the shared error table.
    errorText: (error) => (error instanceof ApiCallError ? formatError({ code: error.code, details: error.error.details ?? {} }, 'zh-CN') : String(error)),
  });
  return { editing, reloads };
}

/** The grid's node of a row: its data and where it stands. */
const nodeOf = (row: Row, rowIndex: number) => ({ data: row, rowIndex, rowPinned: undefined }) as unknown as IRowNode<GridRow>;

describe('editing a cell', () => {
  it('saves a typed cell at once, and Ctrl+Z / Ctrl+Y put the stored value back and again', async () => {
    const s = await street();
    const { editing } = editingOf(s);
    const [zhang] = await s.rows();
    await editing.editCell(nodeOf(zhang, 0), 'phone', ' 13900000009 ');
    expect((await s.member(zhang.id)).phone).toBe('13900000009');
    expect(editing.getState()).toMatchObject({ canUndo: true, canRedo: false, invalidCount: 0 });

    await editing.undo();
    expect((await s.member(zhang.id)).phone).toBe('13800000001');
    expect(editing.getState()).toMatchObject({ canUndo: false, canRedo: true, notice: { kind: 'info', text: '已撤销 1 个单元格的修改' } });

    await editing.redo();
    expect((await s.member(zhang.id)).phone).toBe('13900000009');
    expect(editing.getState()).toMatchObject({ canUndo: true, canRedo: false, notice: { kind: 'info', text: '已恢复 1 个单元格的修改' } });
  });

  it('keeps a refused value in its cell with the reason, stores nothing of it, and Ctrl+Z there just drops it', async () => {
    const s = await street();
    const { editing } = editingOf(s);
    const [zhang] = await s.rows();
    await editing.editCell(nodeOf(zhang, 0), 'phone', '12');
    const bad = editing.invalidCell(zhang, 'phone');
    expect(bad?.message).toContain('联系电话');
    expect(editing.displayValue(zhang, 'phone')).toBe('12');
    expect(editing.getState().notice?.text).toMatch(/^第 1 行张三：/);
    expect((await s.member(zhang.id)).phone).toBe('13800000001');
    expect(editing.getState().canUndo).toBe(false);

    await editing.undo({ row: zhang, field: 'phone' });
    expect(editing.invalidCell(zhang, 'phone')).toBeUndefined();
    expect(editing.displayValue(zhang, 'phone')).toBe('13800000001');
    expect(editing.getState().notice?.text).toBe('已撤销未保存的输入，恢复为原来的内容');
  });
});

describe('pasting', () => {
  it('saves a pasted block member by member and undoes and redoes it as one step', async () => {
    const s = await street();
    const { editing } = editingOf(s);
    const [zhang, li] = await s.rows();
    await editing.paste([['13900000001', '东华门大街 1 号'], ['13900000002', '东华门大街 2 号']], { rowIndex: 0, pinned: false, columnIndex: PHONE }, COLUMNS, editable);
    expect(editing.getState().notice).toEqual({ kind: 'success', text: '已粘贴 2 行，保存了 4 个单元格' });
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13900000001', address: '东华门大街 1 号' });
    expect(await s.member(li.id)).toMatchObject({ phone: '13900000002', address: '东华门大街 2 号' });

    await editing.undo();
    expect(editing.getState().notice?.text).toBe('已撤销 4 个单元格的修改');
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13800000001', address: null });
    expect(await s.member(li.id)).toMatchObject({ phone: '13800000002', address: null });
    expect(editing.getState().canUndo).toBe(false);

    await editing.redo();
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13900000001', address: '东华门大街 1 号' });
    expect(await s.member(li.id)).toMatchObject({ phone: '13900000002', address: '东华门大街 2 号' });
  });

  it('saves the good cells of a row and marks the bad one; cells past the last column and read-only ones are not pasted', async () => {
    const s = await street();
    const { editing } = editingOf(s);
    const [zhang] = await s.rows();
    await editing.paste([['12', '东华门大街 1 号', '多出的一列']], { rowIndex: 0, pinned: false, columnIndex: PHONE }, COLUMNS, editable);
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13800000001', address: '东华门大街 1 号' });
    expect(editing.invalidCell(zhang, 'phone')?.raw).toBe('12');
    expect(editing.getState().notice).toEqual({ kind: 'warning', text: '已粘贴 1 行，保存了 1 个单元格；1 个单元格有问题，已标红（鼠标指向可看原因）' });

    await editing.paste([['第二网格党支部', '13900000003']], { rowIndex: 0, pinned: false, columnIndex: COLUMNS.indexOf('branch') }, COLUMNS, editable);
    expect(await s.member(zhang.id)).toMatchObject({ branch: '第一网格党支部', phone: '13900000003' });
    expect(editing.getState().notice?.text).toBe('已粘贴 1 行，保存了 1 个单元格；1 列不能直接修改，已跳过');
  });

  it('turns rows past the last member into new members of the chosen branch, keeping incomplete ones as drafts', async () => {
    const s = await street();
    const { editing, reloads } = editingOf(s);
    const [, li] = await s.rows();
    const wang = idNumber('11010119900303003');
    await editing.paste(
      [
        [li.name, li.idNumber as string],
        ['王五', wang],
        ['赵六', ''],
      ],
      { rowIndex: 1, pinned: false, columnIndex: 0 },
      COLUMNS,
      editable,
    );
    expect((await s.rows()).map((r) => r.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect(reloads).toEqual([1]);
    const { drafts, notice } = editing.getState();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ name: '赵六', branch: '第一网格党支部' });
    expect(editing.isMissingInDraft(drafts[0], 'idNumber')).toBe(true);
    expect(notice).toEqual({ kind: 'warning', text: '已粘贴 3 行，保存了 0 个单元格；新增党员 1 名；1 个新增行待补全' });
  });

  it('refuses rows past the last member when no branch is chosen, and says so', async () => {
    const s = await street();
    const { editing, reloads } = editingOf(s, { target: null });
    await editing.paste([['王五', idNumber('11010119900303003')]], { rowIndex: 2, pinned: false, columnIndex: 0 }, COLUMNS, editable);
    expect(await s.rows()).toHaveLength(2);
    expect(reloads).toEqual([]);
    expect(editing.getState().drafts).toEqual([]);
    expect(editing.getState().notice).toEqual({ kind: 'warning', text: '已粘贴 1 行，保存了 0 个单元格；新增党员前，请先在左侧组织树中选择要加入的党支部或党小组' });
  });
});

describe('a member someone else saves meanwhile', () => {
  it('sends the edit again on their version: both changes stand, and undo takes back only the clerk’s', async () => {
    const s = await street();
    const [zhang] = await s.rows();
    let raced = false;
    const { editing } = editingOf(s, {
      before: async (id) => {
        if (raced) return;
        raced = true;
        await s.asOther('members.update', { id, version: (await s.member(id)).version, fields: { address: '另一位同事填的地址' } });
      },
    });
    // The grid still holds the version the clerk started from.
    await editing.paste([['13900000009']], { rowIndex: 0, pinned: false, columnIndex: PHONE }, COLUMNS, editable);
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13900000009', address: '另一位同事填的地址', version: 3 });
    expect(editing.getState().invalidCount).toBe(0);

    await editing.undo();
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13800000001', address: '另一位同事填的地址' });
  });

  it('keeps the typed value in its cell with the reason when the member changes under every try', async () => {
    const s = await street();
    const [zhang] = await s.rows();
    let n = 0;
    const { editing } = editingOf(s, {
      before: async (id) => {
        await s.asOther('members.update', { id, version: (await s.member(id)).version, fields: { address: `同事的第 ${++n} 次修改` } });
      },
    });
    await editing.paste([['13900000009']], { rowIndex: 0, pinned: false, columnIndex: PHONE }, COLUMNS, editable);
    expect(n).toBe(3);
    expect(await s.member(zhang.id)).toMatchObject({ phone: '13800000001', address: '同事的第 3 次修改' });
    expect(editing.invalidCell(zhang, 'phone')).toEqual({ raw: '13900000009', message: '这条记录刚被其他人修改过，请刷新后再改' });
    expect(editing.getState().canUndo).toBe(false);
  });
});

describe('drafts of new members', () => {
  it('stay with what was typed while the rows reload, and leave once the core has added them', async () => {
    const s = await street();
    const { editing, reloads } = editingOf(s);
    const first = editing.addBlankDraft()!;
    await editing.editDraft(first.id, { name: ' 王五 ' });
    const second = editing.addBlankDraft()!;
    await editing.editDraft(second.id, { name: '赵六' });
    await editing.editDraft(second.id, { idNumber: idNumber('11010119900404004') });
    // The second was complete: added, and the page reloaded its rows; the first is still being typed.
    expect(reloads).toEqual([1]);
    expect(editing.getState().notice).toEqual({ kind: 'success', text: '已新增党员，已保存' });
    expect(editing.getState().drafts).toEqual([expect.objectContaining({ id: first.id, name: '王五', branch: '第一网格党支部' })]);
    expect((await s.rows()).map((r) => r.name)).toContain('赵六');

    await editing.editDraft(first.id, { idNumber: '110101199005050' });
    expect(editing.invalidCell(editing.getState().drafts[0], 'idNumber')?.message).toContain('公民身份号码');
    expect(editing.getState().drafts).toHaveLength(1);
    editing.discardDraft(first.id);
    expect(editing.getState()).toMatchObject({ drafts: [], invalidCount: 0 });
  });

  it('asks for a branch before a blank row is added', async () => {
    const s = await street();
    const { editing } = editingOf(s, { target: null });
    expect(editing.addBlankDraft()).toBeNull();
    expect(editing.getState().notice).toEqual({ kind: 'warning', text: '新增党员前，请先在左侧组织树中选择要加入的党支部或党小组' });
  });
});
