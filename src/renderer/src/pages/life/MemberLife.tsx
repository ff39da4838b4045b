// A member's organizational life on their record (the member drawer's tab): times present, absences and
// leave with their reasons, and the flag for six months in a row without taking part.
import { Alert, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LifeParticipation } from '../../../../shared/api/contract-life';
import { useApi } from '../../api/use-api';

export function useMemberLife(memberId: number | null) {
  return useApi('life.participation', { memberId: memberId ?? 1 }, [memberId], { enabled: memberId !== null });
}

export function MemberLife({ data, loading }: { data: LifeParticipation | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (!data) return null;
  return (
    <>
      {data.flagged && <Alert type="warning" showIcon message={t('life.participation.flagged')} style={{ marginBottom: 8 }} />}
      <p>{t('life.participation.summary', { present: data.present, absent: data.absent, leave: data.leave })}</p>
      {data.absences.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('life.participation.none')} />
      ) : (
        <Table
          rowKey="meetingId"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data.absences}
          columns={[
            { key: 'on', title: t('life.columns.heldOn'), dataIndex: 'heldOn', className: 'mono', width: 100 },
            { key: 'type', title: t('life.columns.type'), width: 110, render: (_, a) => t(`life.type.${a.meetingType}`) },
            { key: 'state', title: t('life.columns.state'), width: 70, render: (_, a) => <Tag>{t(`life.state.${a.state}`)}</Tag> },
            { key: 'reason', title: t('life.columns.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}
