// 党员信息: the organization tree picks whose members are shown (with the organizations below), the quick
// filters and the search narrow them, and the grid pages through them from the core. Read-only for now.
// The grid's first rows come first: the tree and the filter lists load once they are on screen.
import { Card } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { OrgTree } from '../../components/OrgTree';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useReportError } from '../../lib/errors';
import { indexOrgs, pathTo } from '../../lib/org-tree';
import { useDebounced } from '../../lib/use-debounced';
import { ColumnChooser, useHiddenColumns } from './ColumnChooser';
import { MemberFilterBar, type QuickFilters } from './MemberFilterBar';
import { MemberGrid, membersDatasource, type MemberFilters, type MemberSort } from './MemberGrid';

/** Typing pauses this long before the search is sent. */
const SEARCH_DEBOUNCE_MS = 250;
/** The loading overlay only appears when an answer takes longer than this (no flicker while typing). */
const LOADING_OVERLAY_AFTER_MS = 200;
/** The tree and the filter lists wait for the first rows, but never longer than this. */
const SECONDARY_LOAD_AFTER_MS = 1000;

interface Answer {
  filters: MemberFilters;
  total: number | null;
  error: unknown;
}

export default function MembersPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const { user } = useCurrentSession();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [quick, setQuick] = useState<QuickFilters>({});
  const [hidden, setHidden] = useHiddenColumns(user.id);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [primed, setPrimed] = useState(false);
  const [slow, setSlow] = useState(false);
  const prime = useCallback(() => setPrimed(true), []);
  // The grid's order, so that new filters ask for their first rows in it straight away.
  const sortRef = useRef<MemberSort>([]);
  const rememberSort = useCallback((sort: MemberSort) => {
    sortRef.current = sort;
  }, []);

  const tree = useApi('orgs.tree', { includeClosed: false }, [], { enabled: primed });
  const communities = useApi('communities.list', undefined, [], { enabled: primed });
  const grids = useApi('grids.list', undefined, [], { enabled: primed });
  const index = useMemo(() => (tree.data ? indexOrgs(tree.data) : null), [tree.data]);
  const selectedOrg = (orgId !== null ? index?.byId.get(orgId) : undefined) ?? index?.roots[0] ?? null;

  // The root stands for the whole street; the core then skips the subtree filter.
  const filters = useMemo<MemberFilters>(() => ({ ...(orgId !== null ? { orgId } : {}), ...(query ? { query } : {}), ...quick }), [orgId, query, quick]);

  const datasource = useMemo(
    () =>
      membersDatasource(filters, sortRef.current, {
        // Answers are tied to the filters they were asked with: a late answer for old filters is ignored.
        onTotal: (total) => setAnswer({ filters, total, error: null }),
        onError: (error) => setAnswer({ filters, total: null, error }),
      }),
    [filters],
  );

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

  const scope = selectedOrg && index ? pathTo(index, selectedOrg.id).map((n) => n.name).join(' / ') : t('members.wholeStreet');

  return (
    <div className="page page-fill page-wide">
      <PageHeader title={t('members.title')} />
      <MemberFilterBar
        search={search}
        onSearch={setSearch}
        filters={quick}
        onFilters={setQuick}
        communities={communities.data}
        grids={grids.data}
        extra={<ColumnChooser hidden={hidden} onChange={setHidden} />}
      />
      <div className="members-body">
        <Card className="panel members-tree-panel" styles={{ body: { padding: 10, height: '100%' } }}>
          <OrgTree compact index={index} error={tree.error} selectedId={selectedOrg?.id ?? null} onSelect={(node) => setOrgId(node.id)} />
        </Card>
        <div className="members-grid-panel">
          <div className="members-grid-holder">
            <MemberGrid datasource={datasource} hidden={hidden} loading={waiting && slow} onFirstRows={prime} onSortChange={rememberSort} />
          </div>
          <div className="members-status-bar" role="status">
            {current?.error ? (
              <span className="load-error">{t('members.loadFailed', { message: errorText(current.error) })}</span>
            ) : (
              // While new filters are being answered, the last total stays (greyed) rather than flickering.
              <span className={`members-total${current ? '' : ' stale'}`}>
                {answer?.total != null ? t('members.total', { count: answer.total }) : t('members.counting')}
              </span>
            )}
            <span className="members-scope" title={scope}>
              {scope}
            </span>
            <span className="members-status-spacer" />
            <span className="muted members-sort-hint">{t('members.sortHint')}</span>
          </div>
        </div>
      </div>
    </div>
  );
}
