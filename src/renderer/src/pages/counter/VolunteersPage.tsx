// 志愿服务: volunteers (Party members and residents), service teams by skill, and service records with hours
// for a month. The tab is part of the address (#/volunteers/records).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Input, Space, Table, Tabs, Tag } from 'antd';
import { PrintButton } from '../../print/PrintButton';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRecordInfo, ServiceTeamInfo, VolunteerInfo } from '../../../../shared/api/contract-counter';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { matterMatches } from './matter-search';
import { RecordFormModal, TeamFormModal, VolunteerFormModal } from './VolunteerForms';
import './counter.css';

const TABS = ['volunteers', 'teams', 'records'] as const;

/** By name (characters or pinyin initials/syllables), the last digits of the phone, skill or team. */
function filterVolunteers(list: VolunteerInfo[], query: string): VolunteerInfo[] {
  const q = query.trim();
  if (q === '') return list;
  const digits = /^\d{3,11}$/.test(q) ? q : null;
  return list.filter(
    (v) =>
      (digits !== null && (v.phone ?? '').includes(digits)) ||
      matterMatches({ name: v.name }, q) ||
      (v.skills ?? '').includes(q) ||
      (v.teamName ?? '').includes(q),
  );
}
type TabKey = (typeof TABS)[number];

export default function VolunteersPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const tab: TabKey = (TABS as readonly string[]).includes(subPath) ? (subPath as TabKey) : 'volunteers';
  const [period, setPeriod] = useState(dayjs().format('YYYY-MM'));
  const [volunteerForm, setVolunteerForm] = useState<VolunteerInfo | 'new' | null>(null);
  const [teamForm, setTeamForm] = useState<ServiceTeamInfo | 'new' | null>(null);
  const [recordForm, setRecordForm] = useState(false);
  const volunteers = useApi('volunteers.list', {});
  const teams = useApi('teams.list', {});
  const records = useApi('serviceRecords.list', { period }, [period]);
  const reloadAll = () => Promise.all([volunteers.reload(), teams.reload(), records.reload()]).then(() => undefined);
  const hours = (h: number) => t('volunteers.hours', { hours: h });
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterVolunteers(volunteers.data ?? [], query), [volunteers.data, query]);

  const deleteRecord = (r: ServiceRecordInfo) =>
    modal.confirm({
      title: t('volunteers.deleteRecordConfirm'),
      okButtonProps: { danger: true },
      okText: t('volunteers.deleteRecord'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.call('serviceRecords.delete', { id: r.id });
          await reloadAll();
        } catch (error) {
          report(error);
        }
      },
    });

  const addButton = canEdit && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => (tab === 'volunteers' ? setVolunteerForm('new') : tab === 'teams' ? setTeamForm('new') : setRecordForm(true))}>
      {t(tab === 'volunteers' ? 'volunteers.addVolunteer' : tab === 'teams' ? 'volunteers.addTeam' : 'volunteers.addRecord')}
    </Button>
  );

  const volunteerTable = (
    <>
      <Input.Search
        className="volunteer-search"
        allowClear
        placeholder={t('volunteers.searchPlaceholder')}
        aria-label={t('volunteers.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
    <Table<VolunteerInfo>
      rowKey="id"
      size="middle"
      loading={volunteers.loading}
      dataSource={shown}
      locale={query ? { emptyText: t('volunteers.noMatch', { query }) } : undefined}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(v) => ({ onDoubleClick: () => canEdit && !v.otherCommunity && setVolunteerForm(v) })}
      columns={[
        { key: 'name', title: t('volunteers.columns.name'), dataIndex: 'name' },
        { key: 'kind', title: t('volunteers.columns.kind'), width: 90, render: (_, v) => <Tag variant="filled" color={v.kind === 'member' ? 'red' : 'default'}>{t(`volunteers.kind.${v.kind}`)}</Tag> },
        { key: 'phone', title: t('volunteers.columns.phone'), dataIndex: 'phone', width: 140 },
        { key: 'skills', title: t('volunteers.columns.skills'), dataIndex: 'skills' },
        { key: 'team', title: t('volunteers.columns.team'), render: (_, v) => v.teamName ?? <span className="cell-muted">{t('volunteers.noTeam')}</span> },
        { key: 'hours', title: t('volunteers.columns.hours'), width: 110, align: 'right', render: (_, v) => hours(v.totalHours) },
        ...(canEdit
          ? [
              {
                key: 'edit',
                title: t('common.actions'),
                width: 80,
                render: (_: unknown, v: VolunteerInfo) =>
                  v.otherCommunity ? (
                    <span className="cell-muted" title={t('volunteers.otherCommunityHint')}>
                      {t('volunteers.otherCommunity')}
                    </span>
                  ) : (
                    <Button type="link" size="small" onClick={() => setVolunteerForm(v)}>
                      {t('common.edit')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
    </>
  );

  const teamTable = (
    <Table<ServiceTeamInfo>
      rowKey="id"
      size="middle"
      loading={teams.loading}
      dataSource={teams.data ?? []}
      pagination={false}
      columns={[
        { key: 'name', title: t('volunteers.columns.teamName'), dataIndex: 'name' },
        { key: 'skill', title: t('volunteers.columns.skill'), width: 120, render: (_, team) => t(`volunteers.skill.${team.skill}`) },
        { key: 'leader', title: t('volunteers.columns.leader'), dataIndex: 'leader', width: 120 },
        { key: 'volunteers', title: t('volunteers.columns.volunteers'), dataIndex: 'volunteers', width: 80, align: 'right' },
        { key: 'hours', title: t('volunteers.columns.hours'), width: 110, align: 'right', render: (_, team) => hours(team.hours) },
        ...(canEdit ? [{ key: 'edit', title: t('common.actions'), width: 80, render: (_: unknown, team: ServiceTeamInfo) => <Button type="link" size="small" onClick={() => setTeamForm(team)}>{t('common.edit')}</Button> }] : []),
      ]}
    />
  );

  const recordTable = (
    <>
      <div className="service-toolbar" style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={dayjs(`${period}-01`)} allowClear={false} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('volunteers.period')} />
        <span className="cell-muted">{t('volunteers.totalHours', { hours: records.data?.totalHours ?? 0 })}</span>
      </div>
      <Table<ServiceRecordInfo>
        rowKey="id"
        size="middle"
        loading={records.loading}
        dataSource={records.data?.records ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'servedOn', title: t('volunteers.columns.servedOn'), dataIndex: 'servedOn', width: 110 },
          { key: 'name', title: t('volunteers.columns.name'), dataIndex: 'volunteerName', width: 100 },
          { key: 'team', title: t('volunteers.columns.team'), render: (_, r) => r.teamName ?? <span className="cell-muted">{t('volunteers.noTeam')}</span>, width: 160 },
          { key: 'content', title: t('volunteers.columns.content'), dataIndex: 'content' },
          { key: 'hours', title: t('volunteers.columns.recordHours'), dataIndex: 'hours', width: 110, align: 'right' },
          { key: 'by', title: t('volunteers.columns.recordedBy'), dataIndex: 'recordedBy', width: 100 },
          ...(canEdit ? [{ key: 'delete', title: t('common.actions'), width: 80, render: (_: unknown, r: ServiceRecordInfo) => <Button type="link" size="small" danger onClick={() => deleteRecord(r)}>{t('volunteers.deleteRecord')}</Button> }] : []),
        ]}
      />
    </>
  );

  const saved = (close: () => void) => () => {
    close();
    void reloadAll();
  };

  return (
    <div className="page">
      <PageHeader title={t('volunteers.title')} description={t('volunteers.description')} extra={
          <Space>
            <PrintButton doc="board" params={{ kind: 'volunteers' }} label={t('print.board.open.volunteers')} />
            {addButton}
          </Space>
        }
      />
      <Card className="panel service-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`/volunteers/${key}`)}
          items={[
            { key: 'volunteers', label: t('volunteers.tabs.volunteers'), children: volunteerTable },
            { key: 'teams', label: t('volunteers.tabs.teams'), children: teamTable },
            { key: 'records', label: t('volunteers.tabs.records'), children: recordTable },
          ]}
        />
      </Card>
      {canEdit && (
        <>
          <VolunteerFormModal open={volunteerForm !== null} editing={volunteerForm === 'new' ? null : volunteerForm} teams={teams.data ?? []} onClose={() => setVolunteerForm(null)} onSaved={saved(() => setVolunteerForm(null))} />
          <TeamFormModal open={teamForm !== null} editing={teamForm === 'new' ? null : teamForm} onClose={() => setTeamForm(null)} onSaved={saved(() => setTeamForm(null))} />
          <RecordFormModal open={recordForm} volunteers={volunteers.data ?? []} onClose={() => setRecordForm(false)} onSaved={saved(() => setRecordForm(false))} />
        </>
      )}
    </div>
  );
}
