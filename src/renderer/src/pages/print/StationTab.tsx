// 服务站信息: the station's name, address, postcode, phone and hours, printed on the boards, the slips and
// as the sender's block of introduction letters. The administrator edits it; everyone else reads it.
import { App, Button, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { StationProfile } from '../../../../shared/api/contract-print';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { errorText, useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { hasRole } from '../../lib/roles';

const FIELDS = ['stationName', 'address', 'postcode', 'phone', 'hours'] as const;

export function StationTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'admin');
  const station = useApi('station.get');
  const [form] = Form.useForm<StationProfile>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (station.data) form.setFieldsValue(station.data);
  }, [station.data, form]);

  const save = async () => {
    const input = form.getFieldsValue();
    const saved = await submitChecked({ form, schema: contract['station.save'].input, input, fields: FIELDS, report, setSaving, call: () => api.call('station.save', input) });
    if (!saved) return;
    form.setFieldsValue(saved);
    void message.success(t('print.station.saved'));
  };

  if (station.error) return <div className="load-error">{errorText(station.error)}</div>;
  if (!station.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const variant = canEdit ? 'outlined' : 'filled';
  return (
    <div className="tab-body narrow">
      <p className="muted">{t('print.station.description')}</p>
      <Form form={form} layout="horizontal" labelCol={{ flex: '128px' }} wrapperCol={{ flex: '1' }} onFinish={() => void save()} requiredMark={false} className="settings-form">
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`print.station.${field}`)}>
            <Input readOnly={!canEdit} variant={variant} maxLength={field === 'address' ? 120 : 80} />
          </Form.Item>
        ))}
        {canEdit && (
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </div>
  );
}
