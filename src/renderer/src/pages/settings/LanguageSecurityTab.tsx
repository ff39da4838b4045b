// 语言与安全: the current user's language (switches the window at once) and the idle lock time
// (an administrator's setting for everyone).
import { App, Button, Form, InputNumber, Radio, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/api/schemas';
import { LANGUAGES } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession, useSession } from '../../app/session';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { SettingsSection } from '../../components/SettingsSection';
import i18n, { rememberLanguage, setUiLanguage } from '../../i18n';
import { errorText, useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

export function LanguageSecurityTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const { setUser, setIdleLockMinutes } = useSession();
  const canEdit = hasRole(user.role, 'admin');
  const settings = useApi('settings.get');
  const [form] = Form.useForm<{ idleLockMinutes: number | null }>();
  const [switching, setSwitching] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const switchLanguage = async (language: Language) => {
    setSwitching(true);
    try {
      const updated = await api.call('account.setLanguage', { language });
      rememberLanguage(updated.language);
      await setUiLanguage(updated.language);
      setUser(updated);
      void message.success(i18n.t('languageSecurity.languageSaved'));
    } catch (error) {
      report(error);
    } finally {
      setSwitching(false);
    }
  };

  const saveSettings = async () => {
    const raw = form.getFieldValue('idleLockMinutes') as number | null | undefined;
    const input = { idleLockMinutes: raw ?? undefined };
    const saved = await submitChecked({
      form,
      schema: contract['settings.update'].input,
      input,
      fields: ['idleLockMinutes'],
      report,
      setSaving,
      call: () => api.call('settings.update', { idleLockMinutes: raw as number }),
    });
    if (!saved) return;
    form.setFieldsValue(saved);
    setIdleLockMinutes(saved.idleLockMinutes);
    void message.success(t('common.saved'));
  };

  return (
    <div className="tab-body narrow">
      <SettingsSection title={t('languageSecurity.languageTitle')} description={t('languageSecurity.languageHelp')}>
        <Radio.Group
          value={lang}
          disabled={switching}
          optionType="button"
          onChange={(event) => void switchLanguage(event.target.value as Language)}
          options={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
        />
      </SettingsSection>
      <SettingsSection title={t('languageSecurity.securityTitle')} description={t('languageSecurity.idleHelp')}>
        {!canEdit && <ReadOnlyNotice role={user.role} />}
        {settings.error ? (
          <div className="load-error">{errorText(settings.error)}</div>
        ) : !settings.data ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : (
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ flex: '160px' }}
            onFinish={() => void saveSettings()}
            className="settings-form"
            data-readonly={!canEdit ? 'true' : undefined}
          >
            <Form.Item label={t('languageSecurity.idleLockMinutes')} name="idleLockMinutes">
              <InputNumber
                readOnly={!canEdit}
                variant={canEdit ? 'outlined' : 'filled'}
                suffix={t('languageSecurity.minutes')}
                style={{ width: 160 }}
                precision={0}
              />
            </Form.Item>
            {canEdit && (
              <Form.Item label=" " colon={false}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('common.save')}
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Form>
        )}
      </SettingsSection>
    </div>
  );
}
