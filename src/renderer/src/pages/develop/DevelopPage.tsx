// 发展党员: the pipeline board — five lanes from 入党申请人 to 正式党员, each person's card with the next step and
// its earliest/latest day (red once overdue, orange when due this month) — the counts per community and
// branch, and the year's plan against what was done. A card opens the person's record with the steps done.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, InputNumber, Segmented, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopBoard, DevelopPersonRow, DevelopPlanRow } from '../../../../shared/api/contract-develop';
import { DEVELOP_STAGES, type DevelopStage } from '../../../../shared/develop/rules';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/errors';
import { indexOrgs } from '../../lib/org-tree';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';
import { PrintButton } from '../../print/PrintButton';
import { ApplicantModal } from './ApplicantModal';
import { dueFlag, monthEnd, stageName, stepName } from './develop-labels';
import { PersonDrawer } from './PersonDrawer';
import { StepModal } from './StepModal';
import './develop.css';

type Filter = 'all' | 'dueThisMonth';

export default function DevelopPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const today = dayjs().format('YYYY-MM-DD');
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const board = useApi('develop.list', { dueBefore: filter === 'dueThisMonth' ? monthEnd(today) : undefined, query: query || undefined }, [filter, query]);
  const tree = useApi('orgs.tree', { includeClosed: false }, [], { enabled: canEdit });
  const index = useMemo(() => (tree.data ? indexOrgs(tree.data) : null), [tree.data]);
  const [adding, setAdding] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const [stepFor, setStepFor] = useState<DevelopPersonRow | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);

  const afterChange = async (row: DevelopPersonRow) => {
    setStepFor(null);
    setAdding(false);
    setDetailVersion((v) => v + 1);
    setOpened(row.id);
    await board.reload();
  };

  return (
    <div className="page page-wide develop-page">
      <PageHeader
        title={t('develop.title')}
        description={t('develop.description')}
        extra={
          <Space>
            <Input.Search allowClear placeholder={t('develop.search')} aria-label={t('develop.search')} style={{ width: 170 }} onSearch={setQuery} />
            <PrintButton doc="board" params={{ kind: 'developCandidates' }} label={t('develop.printCandidates')} />
            <PrintButton doc="board" params={{ kind: 'developFull' }} label={t('develop.printFull')} />
            <PrintButton doc="developRegister" params={{}} label={t('print.developRegister.open')} />
            <Segmented<Filter> value={filter} onChange={setFilter} options={(['all', 'dueThisMonth'] as const).map((f) => ({ value: f, label: t(`develop.filter.${f}`) }))} />
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('develop.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Tabs
        className="page-tabs"
        items={[
          { key: 'board', label: t('develop.tabs.board'), children: <BoardLanes board={board.data ?? null} loading={board.loading} today={today} onOpen={setOpened} /> },
          { key: 'counts', label: t('develop.tabs.counts'), children: <CountsTable board={board.data ?? null} /> },
          { key: 'plan', label: t('develop.tabs.plan'), children: <PlanTable canEdit={canEdit} /> },
        ]}
      />
      <PersonDrawer id={opened} version={detailVersion} canEdit={canEdit} onClose={() => setOpened(null)} onRecord={setStepFor} />
      <StepModal person={stepFor} onClose={() => setStepFor(null)} onDone={(row) => void afterChange(row)} />
      <ApplicantModal open={adding} index={index} onClose={() => setAdding(false)} onDone={(row) => void afterChange(row)} />
    </div>
  );
}

function BoardLanes({ board, loading, today, onOpen }: { board: DevelopBoard | null; loading: boolean; today: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const byStage = useMemo(() => {
    const map = new Map<DevelopStage, DevelopPersonRow[]>(DEVELOP_STAGES.map((s) => [s, []]));
    for (const p of board?.people ?? []) map.get(p.stage)!.push(p);
    return map;
  }, [board]);
  return (
    <div className="develop-lanes" aria-busy={loading}>
      {/* The five stages always; 取消预备党员资格 (an end off the roll, and rare) only when someone is there. */}
      {DEVELOP_STAGES.filter((stage) => stage !== 'disqualified' || byStage.get(stage)!.length > 0).map((stage) => {
        const people = byStage.get(stage)!;
        return (
          <section key={stage} className={`develop-lane lane-${stage}`} aria-label={stageName(stage, lang)}>
            <header className="develop-lane-head">
              <span>{stageName(stage, lang)}</span>
              <span className="develop-lane-count">{t('develop.lanePeople', { count: people.length })}</span>
            </header>
            <div className="develop-lane-body">
              {people.length === 0 && <div className="develop-lane-empty">{t('develop.empty')}</div>}
              {people.map((p) => {
                const flag = dueFlag(p.next, today);
                return (
                  <button type="button" key={p.id} className={`develop-card${flag ? ` is-${flag}` : ''}`} onClick={() => onOpen(p.id)}>
                    <div className="develop-card-name">
                      {p.name}
                      {flag && <Tag color={flag === 'overdue' ? 'red' : 'orange'}>{t(`develop.card.${flag}`)}</Tag>}
                    </div>
                    <div className="develop-card-org">{p.communityName ? `${p.orgName} · ${p.communityName}` : p.orgName}</div>
                    {p.next ? (
                      <div className="develop-card-next">
                        <span className="develop-card-step">{stepName(p.next.step, lang)}</span>
                        {p.next.earliest && <span>{t('develop.card.earliest', { date: p.next.earliest })}</span>}
                        {p.next.latest && <span className="develop-card-latest">{t('develop.card.latest', { date: p.next.latest })}</span>}
                      </div>
                    ) : (
                      <div className="develop-card-next muted">{t('develop.card.done')}</div>
                    )}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function CountsTable({ board }: { board: DevelopBoard | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = useMemo(() => {
    const byOrg = new Map<number, { key: number; community: string; branch: string } & Record<DevelopStage | 'total', number>>();
    for (const c of board?.counts ?? []) {
      const row = byOrg.get(c.orgId) ?? { key: c.orgId, community: c.communityName ?? '—', branch: c.orgName, applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 0, disqualified: 0, total: 0 };
      row[c.stage] += c.count;
      row.total += c.count;
      byOrg.set(c.orgId, row);
    }
    return [...byOrg.values()].sort((a, b) => a.community.localeCompare(b.community, 'zh-CN') || a.branch.localeCompare(b.branch, 'zh-CN'));
  }, [board]);
  return (
    <Card className="panel">
      <Table
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: <Empty description={t('develop.empty')} /> }}
        columns={[
          { key: 'community', title: t('develop.counts.community'), dataIndex: 'community', width: 140 },
          { key: 'branch', title: t('develop.counts.branch'), dataIndex: 'branch' },
          ...DEVELOP_STAGES.map((s) => ({ key: s, title: stageName(s, lang), dataIndex: s, width: 110, align: 'right' as const })),
          { key: 'total', title: t('develop.counts.total'), dataIndex: 'total', width: 80, align: 'right' as const },
        ]}
        summary={(data) => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('develop.counts.total')}
              </Table.Summary.Cell>
              {[...DEVELOP_STAGES, 'total' as const].map((s, i) => (
                <Table.Summary.Cell key={s} index={i + 2} align="right">
                  {data.reduce((sum, r) => sum + r[s], 0)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}

function PlanTable({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [year, setYear] = useState(new Date().getFullYear());
  const plans = useApi('develop.plans', { year }, [year]);
  const [edits, setEdits] = useState<Record<number, number>>({});
  const save = async (row: DevelopPlanRow) => {
    try {
      await api.call('develop.savePlan', { year, communityId: row.communityId, planned: edits[row.communityId] ?? row.planned });
      void message.success(t('develop.plan.saved', { community: row.communityName, year }));
      await plans.reload();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Card
      className="panel"
      extra={
        <Space>
          <InputNumber aria-label={t('develop.plan.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <PrintButton doc="developPlan" params={{ year }} label={t('print.developPlan.open')} />
        </Space>
      }
      title={t('develop.tabs.plan')}
    >
      <Table<DevelopPlanRow>
        size="small"
        rowKey="communityId"
        loading={plans.loading}
        dataSource={plans.data ?? []}
        pagination={false}
        columns={[
          { key: 'community', title: t('develop.plan.community'), dataIndex: 'communityName' },
          {
            key: 'planned',
            title: t('develop.plan.planned'),
            width: 160,
            render: (_, row) =>
              canEdit ? <InputNumber min={0} max={10000} value={edits[row.communityId] ?? row.planned} onChange={(v) => setEdits((e) => ({ ...e, [row.communityId]: v ?? 0 }))} aria-label={`${row.communityName} ${t('develop.plan.planned')}`} /> : row.planned,
          },
          { key: 'admitted', title: t('develop.plan.admitted'), dataIndex: 'admitted', width: 160, align: 'right' },
          { key: 'rate', title: t('develop.plan.rate'), width: 100, align: 'right', render: (_, row) => (row.planned > 0 ? `${Math.round((row.admitted / row.planned) * 100)}%` : '—') },
          ...(canEdit
            ? [{ key: 'save', title: '', width: 110, render: (_: unknown, row: DevelopPlanRow) => <Button size="small" onClick={() => void save(row)}>{t('develop.plan.save')}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}
