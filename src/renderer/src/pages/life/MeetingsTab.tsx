// The meetings register: latest first, filtered by organization and kind; a clerk records, changes and deletes.
import { App, Button, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingInfo } from '../../../../shared/api/contract-life';
import { MEETING_TYPES, type MeetingType } from '../../../../shared/api/schemas-life';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useReportError } from '../../lib/errors';
import { PrintButton } from '../../print/PrintButton';
import type { LifeOrg } from './use-branches';
import { orgLabel } from '../../../../shared/org-label';

export function MeetingsTab({ orgs, canEdit, onEdit, reloadKey }: { orgs: LifeOrg[]; canEdit: boolean; onEdit: (m: MeetingInfo) => void; reloadKey: number }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const report = useReportError();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [meetingType, setMeetingType] = useState<MeetingType | undefined>();
  const meetings = useApi('life.list', { orgId, meetingType }, [orgId, meetingType, reloadKey]);

  const remove = (m: MeetingInfo) =>
    modal.confirm({
      title: t('life.deleteConfirm'),
      okButtonProps: { danger: true },
      okText: t('life.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.call('life.delete', { id: m.id, version: m.version });
          await meetings.reload();
        } catch (error) {
          report(error);
        }
      },
    });

  return (
    <>
      <div className="life-toolbar">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} placeholder={t('life.allOrgs')} value={orgId} onChange={setOrgId} options={orgs.map((o) => ({ value: o.id, label: orgLabel(o) }))} aria-label={t('life.columns.org')} />
        <Select allowClear style={{ width: 160 }} placeholder={t('life.allTypes')} value={meetingType} onChange={setMeetingType} options={MEETING_TYPES.map((m) => ({ value: m, label: t(`life.type.${m}`) }))} aria-label={t('life.columns.type')} />
      </div>
      <Table<MeetingInfo>
        rowKey="id"
        size="middle"
        loading={meetings.loading}
        dataSource={meetings.data ?? []}
        pagination={{ pageSize: 12, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(m) => ({ onDoubleClick: () => canEdit && onEdit(m) })}
        columns={[
          { key: 'heldOn', title: t('life.columns.heldOn'), dataIndex: 'heldOn', width: 110 },
          { key: 'org', title: t('life.columns.org'), width: 170, ellipsis: true, render: (_, m) => [m.orgName, ...m.jointOrgNames].join('、') },
          { key: 'type', title: t('life.columns.type'), width: 110, render: (_, m) => t(`life.type.${m.meetingType}`) },
          { key: 'topic', title: t('life.columns.topic'), dataIndex: 'topic', ellipsis: true },
          { key: 'attendance', title: t('life.columns.attendance'), width: 110, align: 'right', render: (_, m) => (m.status === 'held' ? t('life.attendanceOf', { present: m.totals.present, roster: m.totals.roster }) : '—') },
          {
            key: 'status',
            title: t('life.columns.status'),
            width: 110,
            render: (_, m) =>
              m.invalidReason ? (
                <Tooltip title={t(`life.invalid.${m.invalidReason}`)}>
                  <Tag color="red">{t('life.cell.missing')}</Tag>
                </Tooltip>
              ) : (
                <Tag color={m.status === 'held' ? 'green' : 'blue'}>{t(`life.status.${m.status}`)}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 300,
            render: (_, m) => (
              <Space size={0} wrap={false}>
                <PrintButton type="link" size="small" doc="lifeMinutes" params={{ meeting: m.id }} label={t('life.printMinutes')} />
                <PrintButton type="link" size="small" doc="lifeSignIn" params={{ meeting: m.id }} label={t('life.printSignIn')} />
                {canEdit && (
                  <>
                    <Button type="link" size="small" onClick={() => onEdit(m)}>
                      {t('common.edit')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => remove(m)}>
                      {t('life.delete')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
