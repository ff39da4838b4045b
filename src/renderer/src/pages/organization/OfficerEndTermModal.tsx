// 任期结束: the day an officer's term ended. The officer stays on record among the past terms.
import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OrgOfficer } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';

const FIELDS = ['termEnd'] as const;

export function OfficerEndTermModal({ officer, onClose, onEnded }: { officer: OrgOfficer | null; onClose: () => void; onEnded: (officer: OrgOfficer) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ termEnd: Dayjs | null }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!officer) return;
    form.resetFields();
    form.setFieldsValue({ termEnd: dayjs() });
  }, [officer, form]);

  const submit = async () => {
    if (!officer) return;
    const termEnd = (form.getFieldValue('termEnd') as Dayjs | null)?.format('YYYY-MM-DD') ?? '';
    const input = { id: officer.id, updatedAt: officer.updatedAt, termEnd };
    const ended = await submitChecked({ form, schema: contract['orgs.endOfficerTerm'].input, input, fields: FIELDS, report, setSaving, call: () => api.call('orgs.endOfficerTerm', input) });
    if (!ended) return;
    void message.success(t('officers.endForm.done', { name: ended.personName }));
    onEnded(ended);
  };

  return (
    <FormModal
      open={officer !== null}
      title={officer ? t('officers.endForm.title', { name: officer.personName }) : null}
      saving={saving}
      width={460}
      okText={t('officers.endForm.ok')}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p className="modal-hint">{t('officers.endForm.hint')}</p>
      <Form form={form} layout="horizontal" labelCol={{ flex: '112px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="termEnd" label={t('officers.endForm.termEnd')}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
