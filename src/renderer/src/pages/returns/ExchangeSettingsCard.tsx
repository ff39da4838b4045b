// The street's side of the exchange, for an administrator: its public key for the district, the
// district's key (to encrypt packages and check receipts), and where and with which token to upload.
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeKeysInfo } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { saveBytes } from '../import/import-options';

export function ExchangeSettingsCard({ keys, onChanged }: { keys: ExchangeKeysInfo; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ districtUrl: string; uploadToken: string }>();
  return (
    <Card className="panel" title={t('returns.settings.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div className="package-meta">{t('returns.settings.ownKey', { keyId: keys.signingKeyId ?? '—' })}</div>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => api.call('exchange.exportKey', {}).then((f) => saveBytes(new TextEncoder().encode(f.text), f.fileName), report)}>
          {t('returns.settings.exportKey')}
        </Button>
        <div className="package-meta">{keys.district ? t('returns.settings.districtKey', { name: keys.district.name, keyId: keys.district.keyId }) : t('returns.settings.noDistrictKey')}</div>
        {keys.district?.tlsSha256 ? <div className="package-meta">{t('returns.settings.districtCert', { sha256: keys.district.tlsSha256 })}</div> : null}
        <Upload
          accept=".json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file
              .text()
              .then((text) => api.call('exchange.trustKey', { keyFile: text }))
              .then(() => {
                void message.success(t('returns.settings.keyImported'));
                onChanged();
              }, report);
            return false;
          }}
        >
          <Button size="small" icon={<KeyOutlined />}>
            {t('returns.settings.importKey')}
          </Button>
        </Upload>
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ districtUrl: keys.districtUrl, uploadToken: '' }}
          onFinish={(v) =>
            api.call('exchange.saveSettings', v).then(() => {
              void message.success(t('returns.settings.saved'));
              onChanged();
            }, report)
          }
        >
          <Form.Item name="districtUrl" label={t('returns.settings.url')}>
            <Input placeholder="https://192.168.1.10:8443" />
          </Form.Item>
          <Form.Item name="uploadToken" label={t('returns.settings.token')} extra={keys.hasUploadToken ? t('returns.settings.tokenKept') : undefined}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" size="small">
            {t('returns.settings.save')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
