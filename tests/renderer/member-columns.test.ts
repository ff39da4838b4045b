// The members grid's columns: 所在社区 beside the branch, read-only and offered by the column chooser, so a
// list of a street whose communities all have a 第1网格党支部 says whose each row is.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { memberColumns } from '../../src/renderer/src/pages/members/member-columns';
import { GRID_FIELDS, MEMBER_FIELDS } from '../../src/shared/members/fields';

const t = ((key: string) => key) as unknown as TFunction;

describe('the members grid’s columns', () => {
  it('show 所在社区 right after the branch, from the record’s community, never edited or sorted', () => {
    const cols = memberColumns({ lang: 'zh-CN', t, hidden: new Set(), codes: null, editing: null });
    const ids = cols.map((c) => c.colId);
    expect(ids.indexOf('community')).toBe(ids.indexOf('branch') + 1);
    const community = cols.find((c) => c.colId === 'community')!;
    expect(community).toMatchObject({ headerName: '所在社区', field: 'community', editable: false, sortable: false });
  });

  it('offer every record field and the community, and the community can be hidden like any column', () => {
    expect(GRID_FIELDS.map((f) => f.key)).toEqual(expect.arrayContaining([...MEMBER_FIELDS.map((f) => f.key), 'community']));
    const hidden = memberColumns({ lang: 'en', t, hidden: new Set(['community']), codes: null, editing: null }).find((c) => c.colId === 'community')!;
    expect(hidden).toMatchObject({ hide: true, headerName: 'Community' });
  });
});
