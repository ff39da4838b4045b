// 党员信息: the organization tree picks whose members are shown (with the organizations below), the quick
// filters and the search narrow them, and the grid pages through them from the core. A clerk edits in
// the grid as in a spreadsheet (member-editing.ts); a viewer only looks.
// The grid's first rows come first: the tree and the filter lists load once they are on screen.
import type { GridApi } from 'ag-grid-community';
import { App, Button, Card, Segmented } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow, OrgNode } from '../../../../shared/api/contract';
import { MEMBER_FIELDS } from '../../../../shared/members/fields';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { OrgTree } from '../../components/OrgTree';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { useCommunityScope } from '../../lib/scope';
import { indexOrgs, pathTo, type OrgIndex } from '../../lib/org-tree';
import { useDebounced } from '../../lib/use-debounced';
import { saveBytes } from '../import/import-options';
import { ColumnChooser, useMemberLayout } from './ColumnChooser';
import { MemberDetailDrawer } from './MemberDetailDrawer';
import { MemberFilterBar, type QuickFilters } from './MemberFilterBar';
import { MemberFormModal, type BranchOption } from './MemberFormModal';
import { focusedCell, MemberGrid, membersDatasource, type MemberFilters, type MemberSort } from './MemberGrid';
import { MemberLeaveModal } from './MemberLeaveModal';
import { printHref, rosterParams } from '../../print/print-location';
import { navigate } from '../../app/router';
import { MemberToolbar } from './MemberToolbar';
import { quickFiltersOf } from './member-route';
import type { PageProps } from '../../app/routes';
import { appEditingEnv } from './editing/app-env';
import { isDraft, MemberEditing, type EditingState, type GridRow } from './member-editing';

/** Typing pauses this long before the search is sent. */
const SEARCH_DEBOUNCE_MS = 250;
/** The loading overlay only appears when an answer takes longer than this (no flicker while typing). */
const LOADING_OVERLAY_AFTER_MS = 200;
/** The tree and the filter lists wait for the first rows, but never longer than this. */
const SECONDARY_LOAD_AFTER_MS = 1000;

/** Levels that hold members directly: new members are added to a branch or a Party group. */
const MEMBER_LEVELS = new Set<OrgNode['level']>(['branch', 'party_group']);

function branchOptions(index: OrgIndex | null): BranchOption[] {
  if (!index) return [];
  return [...index.byId.values()]
    .filter((n) => MEMBER_LEVELS.has(n.level) && !n.closedOn && n.inScope)
    .map((n) => ({ id: n.id, label: pathTo(index, n.id).slice(1).map((p) => p.name).join(' / ') }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

const NO_EDITING = { subscribe: () => () => undefined, getState: () => null };

interface Answer {
  filters: MemberFilters;
  total: number | null;
  error: unknown;
}

export default function MembersPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const report = useReportError();
  const { user } = useCurrentSession();
  const communityScope = useCommunityScope();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [quick, setQuick] = useState<QuickFilters>(() => quickFiltersOf(subPath));
  // A link to another filter (the overview's figures) while the page is open replaces the quick filters; the
  // first render already has them (setting them again would ask the grid for its first rows twice).
  const routedPath = useRef(subPath);
  useEffect(() => {
    if (routedPath.current === subPath) return;
    routedPath.current = subPath;
    setQuick(quickFiltersOf(subPath));
  }, [subPath]);
  // 在册 (the roll, edited in the grid) or 历史名册 (who left it: read-only, kept for good).
  const [roll, setRoll] = useState<'active' | 'history'>('active');
  const onHistory = roll === 'history';
  const { layout, update: setLayout, named: namedLayouts, saveAs: saveLayoutAs } = useMemberLayout(user.id);
  const hidden = layout.hidden;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const onWidths = useCallback((widths: Record<string, number>) => setLayout({ ...layoutRef.current, widths: { ...layoutRef.current.widths, ...widths } }), [setLayout]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [primed, setPrimed] = useState(false);
  const [slow, setSlow] = useState(false);
  const prime = useCallback(() => setPrimed(true), []);
  // The grid's order, so that new filters ask for their first rows in it straight away.
  const sortRef = useRef<MemberSort>([]);
  const rememberSort = useCallback((sort: MemberSort) => {
    sortRef.current = sort;
  }, []);

  const { message } = App.useApp();
  const canEdit = hasRole(user.role, 'clerk');
  const codes = useApi('codes.list');
  const gridRef = useRef<GridApi<GridRow> | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [leaving, setLeaving] = useState<MemberRow | null>(null);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);

  const tree = useApi('orgs.tree', { includeClosed: false }, [], { enabled: primed });
  const communities = useApi('communities.list', undefined, [], { enabled: primed });
  const grids = useApi('grids.list', undefined, [], { enabled: primed });
  const index = useMemo(() => (tree.data ? indexOrgs(tree.data) : null), [tree.data]);
  const selectedOrg = (orgId !== null ? index?.byId.get(orgId) : undefined) ?? index?.roots[0] ?? null;

  // The root stands for the whole street; the core then skips the subtree filter.
  const filters = useMemo<MemberFilters>(
    () => ({ ...(orgId !== null ? { orgId } : {}), ...(query ? { query } : {}), ...quick, ...(roll === 'history' ? { status: 'history' as const } : {}) }),
    [orgId, query, quick, roll],
  );

  const datasource = useMemo(
    () =>
      membersDatasource(filters, sortRef.current, {
        // Answers are tied to the filters they were asked with: a late answer for old filters is ignored.
        onTotal: (total) => setAnswer({ filters, total, error: null }),
        onError: (error) => setAnswer({ filters, total: null, error }),
      }),
    [filters],
  );

  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const targetRef = useRef<OrgNode | null>(null);
  targetRef.current = selectedOrg && MEMBER_LEVELS.has(selectedOrg.level) && !selectedOrg.closedOn && selectedOrg.inScope ? selectedOrg : null;
  const reloadRows = useCallback(() => gridRef.current?.refreshInfiniteCache(), []);
  const editing = useMemo(
    () =>
      canEdit
        ? new MemberEditing({
            grid: () => gridRef.current,
            filters: () => filtersRef.current,
            sort: () => sortRef.current,
            newMemberTarget: () => (targetRef.current ? { orgId: targetRef.current.id, name: targetRef.current.name } : null),
            onMembersAdded: () => reloadTreeRef.current(),
          }, appEditingEnv)
        : null,
    // The editing state (undo steps, refused cells, drafts) must survive re-renders: made once per role.
    [canEdit],
  );
  const editingState = useSyncExternalStore<EditingState | null>((editing ?? NO_EDITING).subscribe, (editing ?? NO_EDITING).getState);
  useEffect(() => {
    const notice = editingState?.notice;
    if (notice && notice.kind !== 'error' && notice.kind !== 'warning') void message.open({ type: notice.kind, content: notice.text, key: 'member-edit' });
  }, [editingState?.notice, message]);
  const onGridReady = useCallback((grid: GridApi<GridRow> | null) => {
    gridRef.current = grid;
  }, []);
  const branches = useMemo(() => branchOptions(index), [index]);
  const reloadTreeRef = useRef(() => undefined as void);
  reloadTreeRef.current = () => {
    reloadRows();
    void tree.reload();
  };

  const focusedMember = (): MemberRow | null => {
    const grid = gridRef.current;
    const cell = grid ? focusedCell(grid) : null;
    if (!cell?.row || isDraft(cell.row)) {
      void message.info(t('memberEdit.toolbar.pickRow'));
      return null;
    }
    return cell.row as MemberRow;
  };

  const exportView = async () => {
    setExporting(true);
    try {
      const columns = MEMBER_FIELDS.map((f) => f.key).filter((key) => !hidden.has(key));
      const file = await api.call('members.export', { ...filters, sort: sortRef.current, columns });
      saveBytes(file.bytes, file.fileName);
      void message.success(t('memberEdit.toolbar.exported', { rows: file.rows, file: file.fileName }));
    } catch (error) {
      report(error);
    } finally {
      setExporting(false);
    }
  };

  const memberChanged = () => {
    reloadRows();
    void tree.reload();
  };

  const current = answer?.filters === filters ? answer : null;
  const waiting = current === null;

  useEffect(() => {
    if (answer?.error) {
      report(answer.error);
      setPrimed(true);
    }
  }, [answer, report]);

  useEffect(() => {
    const timer = setTimeout(() => setPrimed(true), SECONDARY_LOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), LOADING_OVERLAY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [waiting, filters]);

  // A user limited to one community sees its members under the root and the path down: they are the community's.
  const scope =
    communityScope && (!selectedOrg || !selectedOrg.inScope)
      ? t('common.scopeCommunity', { community: communityScope.name })
      : selectedOrg && index
        ? pathTo(index, selectedOrg.id).map((n) => n.name).join(' / ')
        : t('members.wholeStreet');

  return (
    <div className="page page-fill page-wide">
      <PageHeader
        title={t('members.title')}
        extra={
          <Segmented<'active' | 'history'>
            aria-label={t('members.rollLabel')}
            value={roll}
            onChange={setRoll}
            options={[
              { value: 'active', label: t('members.roll') },
              { value: 'history', label: t('members.historyRoll') },
            ]}
          />
        }
      />
      <MemberFilterBar
        search={search}
        onSearch={setSearch}
        filters={quick}
        onFilters={setQuick}
        communities={communities.data}
        grids={grids.data}
        fixedCommunityId={communityScope?.community?.id}
        educationLabel={(code) => codes.data?.education.find((c) => c.code === code)?.label}
        extra={<ColumnChooser hidden={hidden} onChange={(next) => setLayout({ ...layout, hidden: next })} named={namedLayouts} onApply={setLayout} onSaveAs={saveLayoutAs} />}
      />
      <div className="members-body">
        <Card className="panel members-tree-panel" styles={{ body: { padding: 10, height: '100%' } }}>
          <OrgTree compact index={index} error={tree.error} selectedId={selectedOrg?.id ?? null} onSelect={(node) => setOrgId(node.id)} />
        </Card>
        <div className="members-grid-panel">
          <MemberToolbar
            state={editingState}
            canEdit={canEdit && !onHistory}
            printable={!onHistory}
            exporting={exporting}
            actions={{
              onAdd: () => setAdding(true),
              onAddRow: () => {
                const draft = editing?.addBlankDraft();
                const grid = gridRef.current;
                if (draft && grid) {
                  const row = (editingState?.drafts.length ?? 0);
                  setTimeout(() => grid.setFocusedCell(row, 'name', 'bottom'), 0);
                }
              },
              onDetail: () => {
                const m = focusedMember();
                if (m) setDetailId(m.id);
              },
              onLeave: () => setLeaving(focusedMember()),
              onUndo: () => void editing?.undo(),
              onRedo: () => void editing?.redo(),
              onExport: () => void exportView(),
              // The roster's standard columns with the grid's filter and order: the grid's 26 columns do not fit
              // a sheet; the clerk adds columns in the preview.
              onPrint: () => navigate(printHref('roster', rosterParams({ ...filters, sort: sortRef.current }))),
            }}
          />
          <div className="members-grid-holder">
            <MemberGrid
              datasource={datasource}
              hidden={hidden}
              widths={layout.widths}
              onWidths={onWidths}
              codes={codes.data ?? null}
              editing={onHistory ? null : editing}
              history={onHistory}
              loading={waiting && slow}
              onFirstRows={prime}
              onSortChange={rememberSort}
              onReady={onGridReady}
              onOpenDetail={setDetailId}
            />
          </div>
          {editingState?.notice && (editingState.notice.kind === 'error' || editingState.notice.kind === 'warning') && (
            <div className={`members-edit-notice is-${editingState.notice.kind}`} role="alert">
              <span>{editingState.notice.text}</span>
              <Button size="small" type="text" onClick={() => editing?.dismissNotice()}>
                {t('common.close')}
              </Button>
            </div>
          )}
          <div className="members-status-bar" role="status">
            {current?.error ? (
              <span className="load-error">{t('members.loadFailed', { message: errorText(current.error) })}</span>
            ) : (
              // While new filters are being answered, the last total stays (greyed) rather than flickering.
              <span className={`members-total${current ? '' : ' stale'}`}>
                {answer?.total != null ? t(onHistory ? 'members.historyTotal' : 'members.total', { count: answer.total }) : t('members.counting')}
              </span>
            )}
            <span className="members-scope" title={scope}>
              {scope}
            </span>
            {editingState?.busy && <span className="members-busy">{editingState.busy}</span>}
            {editingState && editingState.invalidCount > 0 && <span className="members-invalid-count">{t('memberEdit.invalidCells', { count: editingState.invalidCount })}</span>}
            <span className="members-status-spacer" />
            <span className="muted members-sort-hint">{t('members.sortHint')}</span>
          </div>
        </div>
      </div>
      <MemberDetailDrawer
        memberId={detailId}
        codes={codes.data ?? null}
        onClose={() => setDetailId(null)}
        extra={(m) =>
          canEdit && m.status === 'active' ? (
            <Button danger onClick={() => setLeaving(m)}>
              {t('memberEdit.toolbar.leave')}
            </Button>
          ) : null
        }
      />
      <MemberLeaveModal
        member={leaving}
        onClose={() => setLeaving(null)}
        onLeft={() => {
          setLeaving(null);
          setDetailId(null);
          memberChanged();
        }}
      />
      <MemberFormModal
        open={adding}
        branches={branches}
        defaultOrg={selectedOrg}
        codes={codes.data ?? null}
        onClose={() => setAdding(false)}
        onCreated={(m) => {
          setAdding(false);
          memberChanged();
          setDetailId(m.id);
        }}
      />
    </div>
  );
}
