// 系统设置 → 系统状态 (formerly the home page, which is now the secretary's overview): the street profile,
// who is working, whether the audit chain is intact, the newest backups and the versions. Every number here
// comes from the core; nothing is filled in for show.
import { Button, Card, Col, Empty, Row, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../shared/api/contract';
import { useApi } from '../../api/use-api';
import { navigate } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { AuditChainStatus } from '../../components/AuditChainStatus';
import { BackupKindTag } from '../../components/BackupKindTag';
import { KeyValues } from '../../components/KeyValues';
import { errorText } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

const NEWEST_BACKUPS = 5;

function LoadError({ error }: { error: unknown }) {
  return <div className="load-error">{errorText(error)}</div>;
}

export function SystemStatusTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useCurrentSession();
  const status = useApi('app.status');
  const chain = useApi('audit.verify');
  const backups = useApi('backup.list');

  const street = status.data?.street ?? null;
  const newest = [...(backups.data?.backups ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, NEWEST_BACKUPS);
  const dash = t('common.empty');

  return (
    <div className="system-status">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('overview.street')} className="panel" extra={
              user.role === 'admin' && (
                <Button type="link" size="small" onClick={() => navigate('/settings/street')}>
                  {t('common.edit')}
                </Button>
              )
            }>
            {status.error ? (
              <LoadError error={status.error} />
            ) : !status.data ? (
              <Skeleton active paragraph={{ rows: 3 }} title={false} />
            ) : (
              <KeyValues labelWidth={128} rows={[
{ key: '0', label: t('overview.streetName'), value: (<span className="kv-strong">{street?.name ?? dash}</span>) },
{ key: '1', label: t('overview.streetCode'), value: (<span className="mono">{street?.code ?? dash}</span>) },
{ key: '2', label: t('overview.district'), value: street?.districtName ?? dash },
{ key: '3', label: t('overview.profileUpdated'), value: formatDateTime(street?.updatedAt, lang) || dash }
]} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('overview.user')} className="panel">
            <KeyValues labelWidth={112} rows={[
{ key: '0', label: t('overview.userName'), value: (<span className="kv-strong">{user.displayName}</span>) },
{ key: '1', label: t('overview.username'), value: user.username },
{ key: '2', label: t('overview.role'), value: roleLabel(user.role, lang) },
{ key: '3', label: t('overview.scope'), value: user.scopeCommunityCode ? <span className="mono">{user.scopeCommunityCode}</span> : t('overview.scopeAll') },
{ key: '4', label: t('overview.lastLogin'), value: formatDateTime(user.lastLoginAt, lang) || dash }
]} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('overview.backups')}
            className="panel"
            extra={
              <Button type="link" size="small" onClick={() => navigate('/settings/backup')}>
                {t('overview.backupsOpen')}
              </Button>
            }
          >
            {backups.error ? (
              <LoadError error={backups.error} />
            ) : (
              <Table<BackupFile>
                size="small"
                rowKey="name"
                loading={backups.loading && !backups.data}
                pagination={false}
                dataSource={newest}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.backupsNone')} /> }}
                columns={[
                  { key: 'createdAt', title: t('backup.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
                  { key: 'kind', title: t('backup.kind'), dataIndex: 'kind', width: 96, render: (v: BackupFile['kind']) => <BackupKindTag kind={v} /> },
                  { key: 'name', title: t('backup.name'), dataIndex: 'name', ellipsis: true, render: (v: string) => <span className="mono">{v}</span> },
                  { key: 'size', title: t('backup.size'), dataIndex: 'size', width: 96, align: 'right', render: (v: number) => formatBytes(v, lang) },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card
                title={t('overview.audit')}
                className="panel"
                extra={
                  <Button type="link" size="small" onClick={() => navigate('/settings/audit')}>
                    {t('overview.auditOpen')}
                  </Button>
                }
              >
                {chain.error ? (
                  <LoadError error={chain.error} />
                ) : chain.data ? (
                  <AuditChainStatus result={chain.data} />
                ) : (
                  <Skeleton active paragraph={{ rows: 1 }} title={false} />
                )}
              </Card>
            </Col>
            <Col span={24}>
              <Card title={t('overview.version')} className="panel">
                {status.data ? (
                  <KeyValues labelWidth={128} rows={[
{ key: '0', label: t('overview.appVersion'), value: (<span className="mono">{status.data.appVersion}</span>) },
{ key: '1', label: t('overview.schemaVersion'), value: (<span className="mono">{status.data.schemaVersion}</span>) },
{ key: '2', label: t('overview.dataMode'), value: window.streetdesk ? t('overview.modeDesktop') : t('overview.modeBrowser') }
]} />
                ) : (
                  <Skeleton active paragraph={{ rows: 2 }} title={false} />
                )}
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}
