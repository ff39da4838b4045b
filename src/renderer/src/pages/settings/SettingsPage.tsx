// 系统设置: street profile, users (admin only), language and security, working days, the print station, the
// business rules (业务规则), the return's sending (admin only), backup and restore, audit log, system status.
// The tab is part of the address (#/settings/users), so other pages can link straight to a tab.
// A district's database has no street profile, working days or print station: it shows the shared tabs only.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession, useSiteMode } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { hasRole } from '../../lib/roles';
import { AuditTab } from './AuditTab';
import { CodeMappingsTab } from './CodeMappingsTab';
import { RulesTab } from './RulesTab';
import { BackupTab } from './BackupTab';
import { LanguageSecurityTab } from './LanguageSecurityTab';
import { StreetTab } from './StreetTab';
import { UsersTab } from './UsersTab';
import { ExchangeTab } from './ExchangeTab';
import { ServeTab } from './ServeTab';
import { WorkdaysTab } from '../counter/WorkdaysTab';
import { StationTab } from '../print/StationTab';
import { SystemStatusTab } from './SystemStatusTab';

export function SettingsPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const isAdmin = hasRole(user.role, 'admin');
  const street = useSiteMode() === 'street';

  const tabs = [
    ...(street ? [{ key: 'street', label: t('settings.tabs.street'), children: <StreetTab /> }] : []),
    ...(isAdmin ? [{ key: 'users', label: t('settings.tabs.users'), children: <UsersTab /> }] : []),
    { key: 'language', label: t('settings.tabs.languageSecurity'), children: <LanguageSecurityTab /> },
    ...(street
      ? [
          { key: 'workdays', label: t('workdays.tab'), children: <WorkdaysTab /> },
          { key: 'station', label: t('print.station.tab'), children: <StationTab /> },
          { key: 'codes', label: t('settings.tabs.codes'), children: <CodeMappingsTab /> },
          { key: 'rules', label: t('settings.tabs.rules'), children: <RulesTab /> },
          ...(isAdmin ? [{ key: 'exchange', label: t('settings.tabs.exchange'), children: <ExchangeTab /> }] : []),
        ]
      : []),
    ...(isAdmin ? [{ key: 'serve', label: t('settings.tabs.serve'), children: <ServeTab /> }] : []),
    { key: 'backup', label: t('settings.tabs.backup'), children: <BackupTab /> },
    { key: 'audit', label: t('settings.tabs.audit'), children: <AuditTab /> },
    { key: 'status', label: t('settings.tabs.status'), children: <SystemStatusTab /> },
  ];
  const active = tabs.some((tab) => tab.key === subPath) ? subPath : tabs[0].key;

  return (
    <div className="page">
      <PageHeader title={t('settings.title')} />
      <Card className="panel settings-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={active} items={tabs} onChange={(key) => navigate(`/settings/${key}`)} destroyOnHidden />
      </Card>
    </div>
  );
}
