// 系统设置 → 联网服务: the street office's PC serving its communities on the government network (a district's,
// its streets' uploads). The administrator turns it on, picks the port and the names this PC is reached by,
// and saves; the desktop shell then starts (or moves, or stops) the HTTPS server and this page shows the
// addresses to give the community clerks and the certificate's fingerprint they will be asked to accept.
// In a browser this page is served by such a server already: the settings are shown, the switch is the
// desktop app's (or `npm run serve -- --listen …` on a server).
import { Alert, Button, Card, Descriptions, Form, InputNumber, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServeSettings, ServerStatus } from '../../../../shared/api/contract-server';
import { fieldLabel } from '../../../../shared/i18n/messages';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../lib/use-language';
import { useSaveForm } from '../counter/use-save-form';

const STATE_COLOR: Record<ServerStatus['state'], string> = { off: 'default', running: 'green', failed: 'red' };

export function ServeTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label = (field: string) => fieldLabel(field, lang, 'server');
  const desktop = typeof window.streetdesk?.applyServer === 'function';
  const settings = useApi('server.settings', {});
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const { form, saving, submit } = useSaveForm<ServeSettings, 'server.saveSettings'>(
    'server.saveSettings',
    ['enabled', 'port', 'publicNames'],
    (v) => ({ enabled: !!v.enabled, port: v.port, publicNames: (v.publicNames ?? []).map((n) => n.trim()).filter(Boolean) }),
    () => {
      void settings.reload();
      if (desktop) void window.streetdesk!.applyServer!().then(setStatus);
    },
  );
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  useEffect(() => {
    if (desktop) void window.streetdesk!.serverStatus!().then(setStatus);
  }, [desktop]);

  if (!settings.data) return <Skeleton active />;
  return (
    <Card className="panel" title={t('settings.serve.title')}>
      <Typography.Paragraph type="secondary">{t('settings.serve.description')}</Typography.Paragraph>
      {!desktop && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('settings.serve.browser')} />}
      <Form form={form} layout="vertical" disabled={!desktop} onFinish={() => void submit()} style={{ maxWidth: 560 }}>
        <Form.Item name="enabled" label={label('enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="port" label={label('port')} extra={t('settings.serve.portHelp')}>
          <InputNumber min={1024} max={65535} precision={0} style={{ width: 140 }} aria-label={label('port')} />
        </Form.Item>
        <Form.Item name="publicNames" label={label('publicNames')} extra={t('settings.serve.namesHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="jiedao-pc.gov.local" aria-label={label('publicNames')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('settings.serve.save')}
        </Button>
      </Form>
      {status && (
        <Descriptions bordered size="small" column={1} style={{ marginTop: 20, maxWidth: 760 }}>
          <Descriptions.Item label={t('settings.serve.state')}>
            <Tag color={STATE_COLOR[status.state]}>{t(`settings.serve.states.${status.state}`)}</Tag>
            {status.error && <Typography.Text type="danger">{status.error}</Typography.Text>}
          </Descriptions.Item>
          {status.urls.length > 0 && (
            <Descriptions.Item label={t('settings.serve.urls')}>
              {status.urls.map((u) => (
                <div key={u}>
                  <Typography.Text copyable>{u}</Typography.Text>
                </div>
              ))}
            </Descriptions.Item>
          )}
          {status.fingerprint && (
            <Descriptions.Item label={t('settings.serve.fingerprint')}>
              <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
                {status.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
