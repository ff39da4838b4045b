// 社区治理: one page, six tabs — the open column, 四议两公开, projects, elections, standards and audits. The
// tab is part of the address (/gov/projects), so a reload or a link opens the same register.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { hasRole } from '../../lib/roles';
import { AuditsTab } from './AuditsTab';
import { DecisionsTab } from './DecisionsTab';
import { DisclosureTab } from './DisclosureTab';
import { ProjectsTab } from './ProjectsTab';
import { StandardsTab } from './StandardsTab';
import { TermsTab } from './TermsTab';
import './gov.css';

const TABS = ['disclosure', 'decisions', 'projects', 'terms', 'standards', 'audits'] as const;
type Tab = (typeof TABS)[number];

export default function GovPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const communities = useApi('communities.list', {});
  const list = (communities.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const tab: Tab = (TABS as readonly string[]).includes(subPath) ? (subPath as Tab) : 'disclosure';
  const props = { canEdit, communities: list };
  const body: Record<Tab, React.ReactNode> = {
    disclosure: <DisclosureTab {...props} />,
    decisions: <DecisionsTab {...props} />,
    projects: <ProjectsTab {...props} />,
    terms: <TermsTab canEdit={canEdit} />,
    standards: <StandardsTab canEdit={canEdit} />,
    audits: <AuditsTab {...props} />,
  };
  return (
    <div className="page gov-page">
      <PageHeader title={t('gov.title')} description={t('gov.description')} />
      <Card className="panel gov-card">
        <Tabs activeKey={tab} onChange={(key) => navigate(`/gov/${key}`)} items={TABS.map((key) => ({ key, label: t(`gov.tabs.${key}`), children: key === tab ? body[key] : null }))} />
      </Card>
    </div>
  );
}
