// 组织生活: the meetings register with its entry form, the year's compliance grid, the activity-week
// calendar and the democratic appraisal. The tab is part of the address (#/life/compliance), and so is the
// compliance grid's period (#/life/compliance/2026-Q4, #/life/compliance/2026-10: the overview's tile links there).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MeetingInfo } from '../../../../shared/api/contract-life';
import { api } from '../../api/client';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { PrintButton } from '../../print/PrintButton';
import { AppraisalTab } from './AppraisalTab';
import { CalendarTab } from './CalendarTab';
import { ComplianceTab } from './ComplianceTab';
import { MeetingForm } from './MeetingForm';
import { MeetingsTab } from './MeetingsTab';
import { useLifeOrgs } from './use-branches';
import './life.css';

const TABS = ['meetings', 'compliance', 'calendar', 'appraisal'] as const;
type TabKey = (typeof TABS)[number];

export default function LifePage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const report = useReportError();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const [tabPath, periodPath] = subPath.split('/');
  const tab: TabKey = (TABS as readonly string[]).includes(tabPath) ? (tabPath as TabKey) : 'meetings';
  const { orgs, branches } = useLifeOrgs();
  const [form, setForm] = useState<MeetingDetail | 'new' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const edit = async (m: MeetingInfo) => {
    try {
      setForm(await api.call('life.get', { id: m.id }));
    } catch (error) {
      report(error);
    }
  };
  const bookOrg = branches[0]?.id;
  return (
    <div className="page">
      <PageHeader
        title={t('life.title')}
        description={t('life.description')}
        extra={
          <Space>
            {bookOrg !== undefined && <PrintButton doc="lifeBook" params={{ org: bookOrg, year: dayjs().year() }} label={t('life.printBook')} />}
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('new')}>
                {t('life.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="panel" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`/life/${key}`)}
          items={[
            { key: 'meetings', label: t('life.tabs.meetings'), children: <MeetingsTab orgs={orgs} canEdit={canEdit} onEdit={(m) => void edit(m)} reloadKey={reloadKey} /> },
            { key: 'compliance', label: t('life.tabs.compliance'), children: <ComplianceTab reloadKey={reloadKey} period={tab === 'compliance' ? periodPath : undefined} /> },
            { key: 'calendar', label: t('life.tabs.calendar'), children: <CalendarTab canSetDays={hasRole(user.role, 'admin')} reloadKey={reloadKey} /> },
            { key: 'appraisal', label: t('life.tabs.appraisal'), children: <AppraisalTab branches={branches} canEdit={canEdit} /> },
          ]}
        />
      </Card>
      {canEdit && (
        <MeetingForm
          open={form !== null}
          editing={form === 'new' ? null : form}
          orgs={orgs}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </div>
  );
}
