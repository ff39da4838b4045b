// Above the sheets, never on paper: what a public or outgoing paper is missing (the station's address,
// hotline, hours, postcode; a letter's dues month), and a way to fill it in at once. The administrator gets
// a small form of just those fields; anyone else is told who can, and where. The paper itself only leaves
// a blank line for handwriting.
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/api/contract';
import type { MissingItem, StationProfile } from '../../../shared/api/contract-print';
import { api } from '../api/client';
import { navigate } from '../app/router';
import { useCurrentSession } from '../app/session';
import { useReportError } from '../lib/errors';
import { checkForm, showCallFailure } from '../lib/form-issues';
import { hasRole } from '../lib/roles';

type StationKey = keyof StationProfile;
const isStation = (item: MissingItem): item is StationKey => item !== 'duesPaidTo';

export function MissingNotice({ missing, onFilled }: { missing: MissingItem[]; onFilled: () => void }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [filling, setFilling] = useState(false);
  const station = missing.filter(isStation);
  const names = missing.map((item) => t(`print.missing.items.${item}`)).join(t('print.missing.separator'));
  const admin = hasRole(user.role, 'admin');
  return (
    <Alert
      className="print-notice"
      type="warning"
      showIcon
      message={t('print.missing.title', { items: names })}
      description={
        <>
          <div>{t('print.missing.blank')}</div>
          {station.length > 0 && !admin && <div>{t('print.missing.askAdmin')}</div>}
          {missing.includes('duesPaidTo') && <div>{t('print.missing.duesHint')}</div>}
        </>
      }
      action={
        station.length > 0 && (
          <Space direction="vertical" size={6}>
            {admin && (
              <Button type="primary" size="small" onClick={() => setFilling(true)}>
                {t('print.missing.fill')}
              </Button>
            )}
            <Button size="small" onClick={() => navigate('/settings/station')}>
              {t('print.missing.openSettings')}
            </Button>
            {filling && (
              <StationFill
                fields={station}
                onClose={() => setFilling(false)}
                onSaved={() => {
                  setFilling(false);
                  onFilled();
                }}
              />
            )}
          </Space>
        )
      }
    />
  );
}

/** The missing station fields only; saved with the rest of the station's block as it is. */
function StationFill({ fields, onClose, onSaved }: { fields: StationKey[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Partial<StationProfile>>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows which field is empty
    }
    setSaving(true);
    try {
      const input = { ...(await api.call('station.get', {})), ...form.getFieldsValue() };
      if (!checkForm(form, contract['station.save'].input, input, fields)) return;
      await api.call('station.save', input);
      void message.success(t('print.station.saved'));
      onSaved();
    } catch (error) {
      showCallFailure(form, error, fields, report);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('print.missing.fillTitle')} okText={t('common.save')} confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void save()}>
        {fields.map((field, i) => (
          <Form.Item key={field} name={field} label={t(`print.station.${field}`)} rules={[{ required: true, whitespace: true, message: t('print.missing.required', { field: t(`print.station.${field}`) }) }]}>
            <Input autoFocus={i === 0} maxLength={field === 'address' ? 120 : 80} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
