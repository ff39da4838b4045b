// 党员减少 and 停止党籍, in the Party's own terms (docs/domain.md §2). A member leaves the roll by 组织关系转出,
// 死亡 or 出党 (of one of its four kinds): the record moves to history and stays there with its whole file.
// 停止党籍 is not leaving: the member stays on the roll with a suspended standing, and may later be
// restored (恢复党籍) from the same dialog.
import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type MemberRow } from '../../../../shared/api/contract';
import { LEAVING_PARTY_REASONS, type LEFT_REASONS } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';

const FIELDS = ['reason', 'kind', 'on', 'note', 'standing'] as const;
type Action = 'transfer_out' | 'death' | 'leftParty' | 'standing';
interface Values {
  reason?: Action;
  kind?: (typeof LEAVING_PARTY_REASONS)[number];
  on?: Dayjs | null;
  note?: string;
}

export function MemberLeaveModal({ member, onClose, onLeft }: { member: MemberRow | null; onClose: () => void; onLeft: (member: MemberRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const action = Form.useWatch('reason', form);
  const suspended = member?.standing === 'suspended';
  const labels: FieldLabels = useMemo(
    () => ({ reason: t('memberLeave.reason'), kind: t('memberLeave.kind'), on: t('memberLeave.on'), note: t('memberLeave.note'), standing: t('memberLeave.reason') }),
    [t],
  );

  useEffect(() => {
    if (!member) return;
    form.resetFields();
    form.setFieldsValue({ on: dayjs(), reason: undefined, kind: undefined, note: '' });
  }, [member, form]);

  const submit = async () => {
    if (!member) return;
    const v = form.getFieldsValue(true) as Values;
    const on = v.on ? v.on.format('YYYY-MM-DD') : '';
    const note = v.note?.trim() ? { note: v.note.trim() } : {};
    if (v.reason === 'leftParty' && !v.kind) {
      form.setFields([{ name: 'kind', errors: [t('memberLeave.pickKind')] }]);
      return;
    }
    if (v.reason === 'standing') {
      const input = { id: member.id, version: member.version, standing: suspended ? ('normal' as const) : ('suspended' as const), on, ...note };
      const saved = await submitChecked({ form, schema: contract['members.setStanding'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('members.setStanding', input) });
      if (!saved) return;
      void message.success(t(suspended ? 'memberLeave.restoredDone' : 'memberLeave.suspendedDone', { name: saved.name }));
      onLeft(saved);
      return;
    }
    const reason = (v.reason === 'leftParty' ? v.kind : (v.reason ?? '')) as (typeof LEFT_REASONS)[number];
    const input = { id: member.id, version: member.version, on, reason, ...note };
    const left = await submitChecked({ form, schema: contract['members.leave'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('members.leave', input) });
    if (!left) return;
    void message.success(t('memberLeave.done', { name: left.name }));
    onLeft(left);
  };

  const standingAction = suspended ? 'restore' : 'suspend';
  return (
    <FormModal
      open={member !== null}
      title={member ? t('memberLeave.title', { name: member.name }) : null}
      saving={saving}
      width={560}
      okText={action === 'standing' ? t(`memberLeave.ok_${standingAction}`) : t('memberLeave.ok')}
      danger={!(action === 'standing' && suspended)}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p className="modal-hint">{t(action === 'standing' ? `memberLeave.hint_${standingAction}` : 'memberLeave.hint')}</p>
      <Form form={form} layout="horizontal" labelCol={{ flex: '96px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="reason" label={labels.reason}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'transfer_out', label: t('memberLeave.reasons.transfer_out') },
              { value: 'death', label: t('memberLeave.reasons.death') },
              { value: 'leftParty', label: t('memberLeave.leftParty') },
              { value: 'standing', label: t(`memberLeave.${standingAction}`) },
            ]}
          />
        </Form.Item>
        {action === 'leftParty' ? (
          <Form.Item name="kind" label={labels.kind}>
            <Select placeholder={t('memberLeave.pickKind')} options={LEAVING_PARTY_REASONS.map((r) => ({ value: r, label: t(`memberLeave.reasons.${r}`) }))} />
          </Form.Item>
        ) : null}
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
