// The district's streets: each one is known by the public key file it exported (imported here by an
// administrator), may be given an upload token (shown once), and gets the district's own key file in return.
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Space, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DistrictStreet } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import type { ApiState } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { errorText, useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { saveBytes } from '../import/import-options';

export function DistrictStreetsCard({ streets, onChanged }: { streets: ApiState<DistrictStreet[]>; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const isAdmin = hasRole(user.role, 'admin');

  const importKey = (file: File) => {
    void file
      .text()
      .then((text) => api.call('exchange.trustKey', { keyFile: text }))
      .then((trusted) => {
        void message.success(t(trusted.replacedKeyId ? 'district.streets.keyReplaced' : 'district.streets.keyAdded', { name: trusted.name }));
        onChanged();
      }, report);
    return false;
  };

  const issueToken = async (street: DistrictStreet) => {
    try {
      const { token } = await api.call('district.issueToken', { streetCode: street.code });
      onChanged();
      modal.success({
        title: t('district.streets.tokenTitle', { name: street.name }),
        width: 520,
        content: (
          <>
            <p>{t('district.streets.tokenOnce')}</p>
            <Typography.Paragraph copyable code className="mono">
              {token}
            </Typography.Paragraph>
          </>
        ),
      });
    } catch (error) {
      report(error);
    }
  };

  const askToken = (street: DistrictStreet) => {
    if (!street.hasToken) return void issueToken(street);
    modal.confirm({
      title: t('district.streets.reissueTitle', { name: street.name }),
      content: t('district.streets.reissueBody'),
      onOk: () => issueToken(street),
    });
  };

  return (
    <Card
      className="panel"
      title={t('district.streets.title')}
      extra={
        hasRole(user.role, 'clerk') && (
          <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => api.call('exchange.exportKey', {}).then((f) => saveBytes(new TextEncoder().encode(f.text), f.fileName), report)}>
            {t('district.streets.exportKey')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {streets.error ? <div className="load-error">{errorText(streets.error)}</div> : null}
        {streets.data?.length ? (
          <List
            size="small"
            dataSource={streets.data}
            renderItem={(street) => (
              <List.Item>
                <div>
                  <div className="package-name">
                    {street.name} {street.hasToken && <Tag>{t('district.streets.hasToken')}</Tag>}
                  </div>
                  <div className="package-meta mono">{street.code}</div>
                  <div className="package-meta">{t('district.streets.keyId', { keyId: street.keyId })}</div>
                  {isAdmin && (
                    <Button size="small" type="link" className="street-token" onClick={() => askToken(street)}>
                      {t(street.hasToken ? 'district.streets.reissueToken' : 'district.streets.issueToken')}
                    </Button>
                  )}
                </div>
              </List.Item>
            )}
          />
        ) : (
          streets.data && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('district.streets.none')} />
        )}
        {isAdmin && (
          <Upload accept=".json" showUploadList={false} beforeUpload={importKey}>
            <Button size="small" icon={<KeyOutlined />}>
              {t('district.streets.importKey')}
            </Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}
