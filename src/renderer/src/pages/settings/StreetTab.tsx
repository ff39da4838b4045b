// 街道信息: the street profile. The administrator edits it; everyone else reads it.
import { App, Button, Form, Input, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type StreetProfile } from '../../../../shared/api/contract';
import { defaultLetterPrefix, formatLetterNumber } from '../../../../shared/letter-number';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession, useSession } from '../../app/session';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { errorText, useReportError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { submitChecked } from '../../lib/form-issues';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

type Values = Pick<StreetProfile, 'name' | 'code' | 'districtName' | 'letterPrefix'>;
const FIELDS = ['name', 'code', 'districtName', 'letterPrefix'] as const;

export function StreetTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const { setStreet } = useSession();
  const canEdit = hasRole(user.role, 'admin');
  const street = useApi('street.get');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const name = Form.useWatch('name', form) ?? '';
  const prefix = Form.useWatch('letterPrefix', form) ?? '';

  useEffect(() => {
    if (street.data) form.setFieldsValue(street.data);
  }, [street.data, form]);

  const save = async () => {
    const values = form.getFieldsValue();
    // The default prefix is kept as "not set", so it follows the street's name if that changes.
    const input = { ...values, letterPrefix: values.letterPrefix?.trim() === defaultLetterPrefix(values.name ?? '') ? '' : (values.letterPrefix ?? '') };
    await submitChecked({
      form,
      schema: contract['street.update'].input,
      input,
      fields: FIELDS,
      report,
      setSaving,
      call: async () => {
        const saved = await api.call('street.update', input);
        form.setFieldsValue(saved);
        setStreet(saved);
        await street.reload();
        void message.success(t('common.saved'));
      },
    });
  };

  if (street.error) return <div className="load-error">{errorText(street.error)}</div>;
  if (!street.data) return <Skeleton active paragraph={{ rows: 4 }} />;

  const variant = canEdit ? 'outlined' : 'filled';
  return (
    <div className="tab-body narrow">
      {!canEdit && <ReadOnlyNotice role={user.role} />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '128px' }}
        wrapperCol={{ flex: '1' }}
        onFinish={() => void save()}
        requiredMark={false}
        className="settings-form"
        aria-readonly={!canEdit}
        data-readonly={!canEdit ? 'true' : undefined}
      >
        <Form.Item name="name" label={t('street.name')}>
          <Input readOnly={!canEdit} variant={variant} autoFocus={canEdit} maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={t('street.code')} extra={canEdit ? t('street.codeHelp') : undefined}>
          <Input readOnly={!canEdit} variant={variant} className="mono" maxLength={20} />
        </Form.Item>
        <Form.Item name="districtName" label={t('street.district')}>
          <Input readOnly={!canEdit} variant={variant} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="letterPrefix"
          label={t('street.letterPrefix')}
          extra={t('street.letterPrefixHelp', { example: formatLetterNumber(prefix.trim() || defaultLetterPrefix(name), new Date().getFullYear(), 7) })}
        >
          <Input readOnly={!canEdit} variant={variant} maxLength={20} placeholder={defaultLetterPrefix(name)} />
        </Form.Item>
        <Form.Item label={t('street.updatedAt')}>
          <span className="muted">{formatDateTime(street.data.updatedAt, lang)}</span>
        </Form.Item>
        {canEdit && (
          <Form.Item label=" " colon={false}>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
              <Button onClick={() => form.setFieldsValue(street.data!)}>{t('common.reset')}</Button>
            </Space>
          </Form.Item>
        )}
      </Form>
    </div>
  );
}
