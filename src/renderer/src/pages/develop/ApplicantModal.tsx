// 登记入党申请: the record opens with the application. The ID number gives birth and sex (checked with its
// check digit); the core refuses an applicant under 18 naming the first day they may apply.
import { App, DatePicker, Form, Input, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { DevelopPersonRow } from '../../../../shared/api/contract-develop';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import type { OrgIndex } from '../../lib/org-tree';
import { orgOptions } from '../transfers/org-options';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  orgId: number | null;
  appliedOn: Dayjs | null;
  note: string;
}
const FIELDS = ['name', 'idNumber', 'phone', 'orgId', 'appliedOn', 'note'] as const;

export function ApplicantModal({ open, index, onClose, onDone }: { open: boolean; index: OrgIndex | null; onClose: () => void; onDone: (row: DevelopPersonRow) => void }) {
  const { t } = useTranslation();
  const k = (key: string, params?: Record<string, unknown>) => t(`develop.applicant.${key}`, params);
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const orgs = useMemo(() => orgOptions(index, true), [index]);
  const labels: FieldLabels = useMemo(() => Object.fromEntries(FIELDS.map((f) => [f, t(`develop.applicant.${f}`)])), [t]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ appliedOn: dayjs() });
  }, [open, form]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const input = { name: v.name ?? '', idNumber: v.idNumber ?? '', phone: v.phone || undefined, orgId: v.orgId ?? 0, appliedOn: v.appliedOn ? v.appliedOn.format('YYYY-MM-DD') : '', note: v.note || undefined };
    const done = await submitChecked({ form, schema: contract['develop.create'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('develop.create', input) });
    if (!done) return;
    void message.success(k('created', { name: done.name }));
    onDone(done);
  };

  return (
    <FormModal open={open} title={k('title')} saving={saving} width={520} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="horizontal" labelCol={{ flex: '150px' }} requiredMark={false} onFinish={() => void submit()} className="modal-form">
        <Form.Item name="name" label={labels.name}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="idNumber" label={labels.idNumber}>
          <Input maxLength={30} className="mono" />
        </Form.Item>
        <Form.Item name="orgId" label={labels.orgId}>
          <TreeSelect<number> showSearch={{ treeNodeFilterProp: 'title' }} treeData={orgs} treeNodeLabelProp="label" treeDefaultExpandAll treeLine listHeight={300} />
        </Form.Item>
        <Form.Item name="appliedOn" label={labels.appliedOn}>
          <DatePicker allowClear={false} style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="phone" label={labels.phone}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
