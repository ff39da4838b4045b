// 撤销: the date and the reason. The core refuses while members or open organizations remain below;
// that refusal is shown in the dialog, in the core's own words.
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OrgNode } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';

const FIELDS = ['closedOn', 'reason'] as const;

export function OrgCloseModal({ org, onClose, onClosed }: { org: OrgNode | null; onClose: () => void; onClosed: (org: OrgNode) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ closedOn: Dayjs | null; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const labels: FieldLabels = useMemo(() => ({ closedOn: t('org.closeForm.closedOn'), reason: t('org.closeForm.reason') }), [t]);

  useEffect(() => {
    if (!org) return;
    form.resetFields();
    form.setFieldsValue({ closedOn: dayjs(), reason: '' });
    setRefusal(null);
  }, [org, form]);

  const submit = async () => {
    if (!org) return;
    const v = form.getFieldsValue(true) as { closedOn?: Dayjs | null; reason?: string };
    const input = { id: org.id, closedOn: v.closedOn ? v.closedOn.format('YYYY-MM-DD') : '', reason: v.reason ?? '' };
    const closed = await submitChecked({
      form,
      schema: contract['orgs.close'].input,
      input,
      fields: FIELDS,
      // What is wrong with the organization itself (members left, open children) is named by the organization.
      labels: { ...labels, id: org.name },
      report,
      setSaving,
      onRefusal: setRefusal,
      call: () => api.call('orgs.close', input),
    });
    if (!closed) return;
    void message.success(t('org.closeForm.done', { name: closed.name }));
    onClosed(closed);
  };

  return (
    <FormModal
      open={org !== null}
      title={org ? t('org.closeForm.title', { name: org.name }) : null}
      saving={saving}
      width={520}
      okText={t('org.closeForm.ok')}
      danger
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p className="modal-hint">{t('org.closeForm.hint')}</p>
      {refusal && org && <Alert className="modal-alert" type="error" showIcon title={t('org.closeForm.refused', { name: org.name })} description={refusal} />}
      <Form form={form} layout="horizontal" labelCol={{ flex: '96px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="closedOn" label={t('org.closeForm.closedOn')}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('org.closeForm.reason')}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('org.closeForm.reasonPlaceholder')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
