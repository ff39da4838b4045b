// 一站式受理: the accept form on the left, and on the right the counter's board — today's requests, those due
// within one working day (yellow), overdue (red), waiting for documents, everything open — with a request
// drawer for its steps and history. The list shown is part of the address (#/counter/overdue).
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tabs, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterToday, ServiceRequestRow } from '../../../../shared/api/contract-counter';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { CalendarNotice } from './CalendarNotice';
import { errorText } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { useCommunityScope } from '../../lib/scope';
import { AcceptForm, lastCommunity } from './AcceptForm';
import { RequestDrawer } from './RequestDrawer';
import { RequestStepModal, type RequestStep } from './RequestStepModal';
import { RequestTable } from './RequestTable';
import { ResidentHistorySearch } from './ResidentHistory';
import './counter.css';

const BOARD = ['acceptedToday', 'dueSoon', 'overdue', 'waiting', 'inProgress'] as const;
type BoardKey = (typeof BOARD)[number];

export default function CounterPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const communityScope = useCommunityScope();
  const tab: BoardKey = (BOARD as readonly string[]).includes(subPath) ? (subPath as BoardKey) : 'acceptedToday';
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [stepping, setStepping] = useState<{ request: ServiceRequestRow; step: RequestStep } | null>(null);

  const board = useApi('counter.today', {}, [version]);
  const matters = useApi('matters.list', {});
  const communities = useApi('communities.list', {});
  const openCommunities = useMemo(() => (communities.data ?? []).filter((c) => !c.closedOn), [communities.data]);
  // A clerk limited to one community gets it; others get the community they last accepted for.
  const defaultCommunity = useMemo(() => {
    const scoped = openCommunities.find((c) => c.divisionCode === user.scopeCommunityCode);
    const remembered = openCommunities.find((c) => c.id === lastCommunity(user.id));
    return (scoped ?? remembered ?? openCommunities[0])?.id;
  }, [openCommunities, user.scopeCommunityCode, user.id]);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const tabLabel = (key: BoardKey, data: CounterToday | undefined) => {
    const count = data?.[key].length;
    const color = !count ? '#c9cdd4' : key === 'overdue' ? '#cf1322' : key === 'dueSoon' ? '#faad14' : '#86909c';
    return (
      <span className={`board-tab is-${key}`}>
        {t(`counter.board.${key}`)}
        {count !== undefined && <Badge count={count} showZero color={color} size="small" className="board-count" />}
      </span>
    );
  };

  return (
    <div className="page counter-page">
      <PageHeader
        title={t('counter.page.title')}
        description={t('counter.page.description')}
        extra={
          <div className="counter-header-extra">
            {board.data && <span className="board-today">{t('counter.page.today', { date: board.data.today })}</span>}
            {communityScope && (
              <Tag variant="filled" color="processing" className="counter-scope">
                {t('common.scopeCommunity', { community: communityScope.name })}
              </Tag>
            )}
            <ResidentHistorySearch onOpen={(r) => setOpenId(r.id)} />
            <Button icon={<ReloadOutlined />} onClick={changed} aria-label={t('common.refresh')} />
            {!canEdit && <Tag variant="filled">{t('counter.readOnly')}</Tag>}
          </div>
        }
      />
      <CalendarNotice compact />
      <div className={canEdit ? 'counter-layout' : 'counter-layout is-read-only'}>
        {canEdit && (
          <Card className="panel accept-card" title={t('counter.accept.title')}>
            {matters.data && communities.data ? (
              <AcceptForm
                matters={matters.data}
                communities={openCommunities}
                defaultCommunityId={defaultCommunity}
                onAccepted={() => {
                  navigate('/counter/acceptedToday');
                  changed();
                }}
              />
            ) : null}
          </Card>
        )}
        <Card className="panel board-card" styles={{ body: { padding: '4px 16px 16px' } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => navigate(`/counter/${key}`)}
            items={BOARD.map((key) => ({ key, label: tabLabel(key, board.data) }))}
          />
          {tab === 'dueSoon' && board.data && <div className="board-hint">{t('counter.board.dueSoonHint', { date: board.data.nextWorkday })}</div>}
          {board.error ? <div className="load-error">{errorText(board.error)}</div> : null}
          <RequestTable
            rows={board.data?.[tab] ?? []}
            loading={board.loading && !board.data}
            emptyText={t(`counter.board.empty${tab[0].toUpperCase()}${tab.slice(1)}`)}
            onOpen={(r) => setOpenId(r.id)}
          />
        </Card>
      </div>
      <RequestDrawer requestId={openId} version={version} canEdit={canEdit} onClose={() => setOpenId(null)} onStep={(request, step) => setStepping({ request, step })} />
      {canEdit && (
        <RequestStepModal
          request={stepping?.request ?? null}
          step={stepping?.step ?? null}
          onClose={() => setStepping(null)}
          onDone={() => {
            setStepping(null);
            changed();
          }}
        />
      )}
    </div>
  );
}
