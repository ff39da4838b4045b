// 组织关系转接: the introduction letters by state — all, open (the sending side still responsible), overdue
// (letter expired or receipt not back within a month), closed — and by kind; clerks issue letters and record
// each next step. The tab is part of the address (#/transfers/overdue), so other pages can link to it.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Segmented, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, TransferRow } from '../../../../shared/api/contract';
import type { TransferDirection } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { indexOrgs } from '../../lib/org-tree';
import { hasRole } from '../../lib/roles';
import { TransferFormModal } from './TransferFormModal';
import { TransferStepModal, type StepTarget } from './TransferStepModal';
import { TransferTable } from './TransferTable';
import { DIRECTION_ORDER } from './transfer-labels';
import './transfers.css';

const TABS = ['all', 'open', 'overdue', 'closed'] as const;
type TabKey = (typeof TABS)[number];

const TAB_FILTERS: Record<TabKey, ApiInput<'transfers.list'>> = {
  all: {},
  open: { open: true },
  overdue: { overdue: true },
  closed: { open: false },
};

type Counts = Record<TabKey, number>;

export default function TransfersPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const tab: TabKey = (TABS as readonly string[]).includes(subPath) ? (subPath as TabKey) : 'open';
  const [direction, setDirection] = useState<TransferDirection | 'all'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<{ total: number; transfers: TransferRow[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [creating, setCreating] = useState(false);
  const [stepping, setStepping] = useState<StepTarget | null>(null);

  // Every organization of the street: a move within the street may go to another community's.
  const tree = useApi('orgs.tree', { includeClosed: false, destinations: true }, [], { enabled: canEdit });
  const index = useMemo(() => (tree.data ? indexOrgs(tree.data) : null), [tree.data]);
  const kind = useMemo(() => (direction === 'all' ? {} : { direction }), [direction]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .call('transfers.list', { ...TAB_FILTERS[tab], ...kind, offset: (page - 1) * pageSize, limit: pageSize })
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setLoadError(null);
      })
      .catch((error: unknown) => {
        if (live) setLoadError(error);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [tab, kind, page, pageSize, version]);

  useEffect(() => {
    let live = true;
    Promise.all(TABS.map((key) => api.call('transfers.list', { ...TAB_FILTERS[key], ...kind, limit: 1 }).then((answer) => [key, answer.total] as const)))
      .then((totals) => {
        if (live) setCounts(Object.fromEntries(totals) as Counts);
      })
      .catch(() => {
        // The counts are a convenience: the list itself reports what went wrong.
      });
    return () => {
      live = false;
    };
  }, [kind, version]);

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const emptyText = tab === 'open' ? t('transfers.emptyOpen') : tab === 'overdue' ? t('transfers.emptyOverdue') : t('transfers.empty');

  const tabLabel = (key: TabKey) => {
    const count = counts?.[key];
    return (
      <span className="transfer-tab">
        {t(`transfers.tabs.${key}`)}
        {count !== undefined && (key === 'overdue' && count > 0 ? <Badge count={count} size="small" className="transfer-tab-badge" /> : <span className="transfer-tab-count">{count}</span>)}
      </span>
    );
  };

  return (
    <div className="page transfers-page">
      <PageHeader
        title={t('transfers.title')}
        description={t('transfers.description')}
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('transfers.create')}
            </Button>
          ) : (
            <Tag variant="filled">{t('transfers.readOnly')}</Tag>
          )
        }
      />
      <Card className="panel transfers-card" styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setPage(1);
            navigate(`/transfers/${key}`);
          }}
          items={TABS.map((key) => ({ key, label: tabLabel(key) }))}
          tabBarExtraContent={
            <div className="transfers-toolbar">
              <Segmented<TransferDirection | 'all'>
                value={direction}
                onChange={(value) => {
                  setPage(1);
                  setDirection(value);
                }}
                options={[
                  { value: 'all', label: t('transfers.anyDirection') },
                  ...DIRECTION_ORDER.map((d) => ({ value: d, label: t(`transfers.direction.${d}`) })),
                ]}
              />
              <Button icon={<ReloadOutlined />} onClick={changed} aria-label={t('common.refresh')} />
            </div>
          }
        />
        {loadError ? <div className="load-error">{errorText(loadError)}</div> : null}
        <TransferTable
          rows={data?.transfers ?? []}
          total={data?.total ?? 0}
          loading={loading}
          canEdit={canEdit}
          emptyText={emptyText}
          pagination={{
            current: page,
            pageSize,
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== pageSize ? 1 : nextPage);
              setPageSize(nextSize);
            },
          }}
          onStep={(transfer, step) => setStepping({ transfer, step })}
        />
      </Card>
      {canEdit && (
        <>
          <TransferFormModal
            open={creating}
            index={index}
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              // A new letter is open: show it where the clerk will look for it.
              setPage(1);
              navigate('/transfers/open');
              changed();
            }}
          />
          <TransferStepModal
            target={stepping}
            onClose={() => setStepping(null)}
            onDone={() => {
              setStepping(null);
              changed();
            }}
          />
        </>
      )}
    </div>
  );
}
