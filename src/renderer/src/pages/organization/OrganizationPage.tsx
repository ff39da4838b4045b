// 组织架构: the Party organization tree (#/organization/tree) and the communities with their grids
// (#/organization/places). The tab is part of the address, as on the settings page.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { OrgTreeTab } from './OrgTreeTab';
import { PlacesTab } from './PlacesTab';

export function OrganizationPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const tabs = [
    { key: 'tree', label: t('org.tabs.tree'), children: <OrgTreeTab /> },
    { key: 'places', label: t('org.tabs.places'), children: <PlacesTab /> },
  ];
  const active = tabs.some((tab) => tab.key === subPath) ? subPath : 'tree';

  return (
    <div className="page page-fill">
      <PageHeader title={t('org.title')} description={t('org.description')} />
      <Tabs className="page-tabs" activeKey={active} items={tabs} onChange={(key) => navigate(`/organization/${key}`)} destroyOnHidden />
    </div>
  );
}
