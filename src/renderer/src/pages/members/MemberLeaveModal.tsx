// 出党/离开党员队伍: death, transfer out, struck off … needs a reason and a date. The record moves to
// history and stays there with its whole file; it never disappears.
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type MemberRow } from '../../../../shared/api/contract';
import { LEFT_REASONS } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';

const FIELDS = ['on', 'reason', 'note'] as const;

export function MemberLeaveModal({ member, onClose, onLeft }: { member: MemberRow | null; onClose: () => void; onLeft: (member: MemberRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ on: Dayjs | null; reason?: string; note?: string }>();
  const [saving, setSaving] = useState(false);
  const labels: FieldLabels = useMemo(() => ({ on: t('memberLeave.on'), reason: t('memberLeave.reason'), note: t('memberLeave.note') }), [t]);

  useEffect(() => {
    if (!member) return;
    form.resetFields();
    form.setFieldsValue({ on: dayjs(), reason: undefined, note: '' });
  }, [member, form]);

  const submit = async () => {
    if (!member) return;
    const v = form.getFieldsValue(true) as { on?: Dayjs | null; reason?: string; note?: string };
    const input = { id: member.id, version: member.version, on: v.on ? v.on.format('YYYY-MM-DD') : '', reason: (v.reason ?? '') as (typeof LEFT_REASONS)[number], ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    const left = await submitChecked({ form, schema: contract['members.leave'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('members.leave', input) });
    if (!left) return;
    void message.success(t('memberLeave.done', { name: left.name }));
    onLeft(left);
  };

  return (
    <FormModal
      open={member !== null}
      title={member ? t('memberLeave.title', { name: member.name }) : null}
      saving={saving}
      width={520}
      okText={t('memberLeave.ok')}
      danger
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p className="modal-hint">{t('memberLeave.hint')}</p>
      <Form form={form} layout="horizontal" labelCol={{ flex: '96px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="reason" label={labels.reason}>
          <Select placeholder={t('memberLeave.pickReason')} options={LEFT_REASONS.map((r) => ({ value: r, label: t(`memberLeave.reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="on" label={labels.on}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('memberLeave.notePlaceholder')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
