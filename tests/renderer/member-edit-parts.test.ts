// The members grid's editing parts that hold no grid and no core: undo and redo steps, where a pasted block
// lands (past the last column, past the last row), and the drafts of new members.
import { describe, expect, it } from 'vitest';
import { DraftStore, draftFields } from '../../src/renderer/src/pages/members/editing/draft-store';
import { countCells, EditHistory, type SavedChange, type Step } from '../../src/renderer/src/pages/members/editing/edit-history';
import { changedFields, planPaste } from '../../src/renderer/src/pages/members/editing/paste-plan';

const COLUMNS = ['name', 'idNumber', 'branch', 'phone', 'address'];
const editable = (field: string) => field !== 'branch';

describe('edit history', () => {
  /** A replay that writes every change of the step, as a core that accepts everything would. */
  const writeAll = async (step: Step) => [...step];
  const cell = (id: number, field: string, before: unknown, after: unknown): SavedChange => ({ id, before: { [field]: before }, after: { [field]: after } });

  it('undoes the last step first, redoes it, and a new edit drops what could be redone', async () => {
    const history = new EditHistory();
    const first = [cell(1, 'phone', null, '13800000001')];
    const second = [cell(2, 'address', '旧址', '新址')];
    history.record(first);
    history.record(second);
    expect(await history.undo(writeAll)).toBe(second);
    expect(history.canRedo).toBe(true);
    expect(await history.redo(writeAll)).toEqual(second);
    expect(await history.undo(writeAll)).toEqual(second);
    history.record([cell(3, 'name', '甲', '乙')]);
    expect(history.canRedo).toBe(false);
    expect(await history.redo(writeAll)).toBeNull();
    expect(await history.undo(writeAll)).toEqual([cell(3, 'name', '甲', '乙')]);
    expect(await history.undo(writeAll)).toEqual(first);
    expect(history.canUndo).toBe(false);
    expect(await history.undo(writeAll)).toBeNull();
  });

  it('keeps a paste as one step of many cells, writing each member’s values before on undo', async () => {
    const history = new EditHistory();
    const paste: SavedChange[] = [
      { id: 1, before: { phone: null, address: '甲' }, after: { phone: '13800000001', address: '乙' } },
      { id: 2, before: { phone: '13800000009' }, after: { phone: '13800000002' } },
    ];
    history.record(paste);
    expect(countCells(paste)).toBe(3);
    const written: [Step, string][] = [];
    await history.undo(async (step, side) => {
      written.push([step, side]);
      return [...step];
    });
    expect(written).toEqual([[paste, 'before']]);
    await history.redo(async (step, side) => {
      written.push([step, side]);
      return [...step];
    });
    expect(written[1]).toEqual([paste, 'after']);
  });

  it('does not offer to redo a step none of which could be written back, and ignores empty steps', async () => {
    const history = new EditHistory();
    history.record([]);
    expect(history.canUndo).toBe(false);
    history.record([cell(1, 'phone', null, '13800000001')]);
    await history.undo(async () => []);
    expect(history.canRedo).toBe(false);
  });

  it('forgets the oldest steps past its limit', async () => {
    const history = new EditHistory(3);
    for (let i = 1; i <= 5; i++) history.record([cell(i, 'phone', null, String(i))]);
    const undone: number[] = [];
    for (let step = await history.undo(writeAll); step; step = await history.undo(writeAll)) undone.push(step[0].id);
    expect(undone).toEqual([5, 4, 3]);
  });
});

describe('paste plan', () => {
  it('lands from the focused column, trims what is typed and turns empty cells into cleared ones', () => {
    const plan = planPaste([[' 张三 ', ''], ['李四', '110101199001011234']], 0, COLUMNS, editable);
    expect(plan.columns).toEqual(['name', 'idNumber']);
    expect(plan.rows).toEqual([{ name: '张三', idNumber: null }, { name: '李四', idNumber: '110101199001011234' }]);
    expect(plan.skipped).toEqual([]);
  });

  it('skips columns that cannot be edited and counts them', () => {
    const plan = planPaste([['110101199001011234', '第二支部', '13800000001']], 1, COLUMNS, editable);
    expect(plan.rows).toEqual([{ idNumber: '110101199001011234', phone: '13800000001' }]);
    expect(plan.skipped).toEqual(['branch']);
  });

  it('drops the cells past the last column, as a block pasted at a sheet’s right edge', () => {
    const plan = planPaste([['13800000001', '东华门大街 1 号', '多出的一列', '又一列'], ['13800000002']], 3, COLUMNS, editable);
    expect(plan.columns).toEqual(['phone', 'address']);
    expect(plan.rows).toEqual([{ phone: '13800000001', address: '东华门大街 1 号' }, { phone: '13800000002' }]);
  });

  it('sends only the cells that change something, and a refused cell again so that it can be fixed', () => {
    const stored = { name: '张三', phone: '13800000001', address: null };
    expect(changedFields(stored, { name: '张三', phone: '13800000001', address: null }, () => false)).toEqual({});
    expect(changedFields(stored, { name: '张三', phone: '13800000002' }, () => false)).toEqual({ phone: '13800000002' });
    expect(changedFields(stored, { name: '张三' }, (field) => field === 'name')).toEqual({ name: '张三' });
  });
});

describe('draft store', () => {
  const branch = { orgId: 7, name: '第一网格党支部' };

  it('pastes rows past the last member as new drafts of the chosen branch, over the drafts already there first', () => {
    const drafts = new DraftStore();
    const first = drafts.add(branch, { name: '王五' });
    const { touched, refused } = drafts.place(0, [{ idNumber: '110101199001011234' }, { name: '赵六' }], branch);
    expect(refused).toBe(false);
    expect(touched[0]).toBe(first.id);
    expect(drafts.all).toHaveLength(2);
    expect(drafts.all[0]).toMatchObject({ name: '王五', idNumber: '110101199001011234', branch: '第一网格党支部', orgId: 7 });
    expect(drafts.all[1]).toMatchObject({ name: '赵六', draft: true, branch: '第一网格党支部' });
    expect(draftFields(drafts.all[0])).toEqual({ name: '王五', idNumber: '110101199001011234' });
  });

  it('refuses rows past the drafts when no branch is chosen, keeping those it could place', () => {
    const drafts = new DraftStore();
    const first = drafts.add(branch);
    const { touched, refused } = drafts.place(0, [{ name: '王五' }, { name: '赵六' }], null);
    expect(refused).toBe(true);
    expect(touched).toEqual([first.id]);
    expect(drafts.all.map((d) => d.name)).toEqual(['王五']);
  });

  it('keeps typed drafts, each with its own id, until one is added or discarded', () => {
    const drafts = new DraftStore();
    const a = drafts.add(branch);
    const b = drafts.add(branch);
    expect(a.id).not.toBe(b.id);
    drafts.edit(a.id, { name: ' 王五 ', phone: '' });
    expect(drafts.find(a.id)).toMatchObject({ name: '王五', phone: null });
    drafts.remove(b.id);
    expect(drafts.all.map((d) => d.id)).toEqual([a.id]);
  });
});
