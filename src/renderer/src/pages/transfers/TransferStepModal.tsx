// One step of a letter: 已报到 (the date the member reported), 回执已返回 (the date the receipt came back;
// for a letter still marked issued also the date of receipt), 作废 (date and reason). What the step does to
// the member is said before it is done; the core's refusals appear under the fields or above the form.
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type TransferRow } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { KeyValues } from '../../components/KeyValues';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import { DirectionTag } from './transfer-labels';
import type { TransferStep } from './TransferTable';

interface Values {
  on: Dayjs | null;
  receivedOn: Dayjs | null;
  reason: string;
}

export interface StepTarget {
  transfer: TransferRow;
  step: TransferStep;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

function effectKey({ transfer, step }: StepTarget): string {
  if (step === 'cancel') return 'cancel';
  if (step === 'receive') return transfer.direction === 'in' ? 'receiveIn' : transfer.direction === 'within' ? 'receiveWithin' : 'receiveOut';
  return transfer.direction === 'within' ? 'returnReceiptWithin' : 'returnReceiptOut';
}

export function TransferStepModal({ target, onClose, onDone }: { target: StepTarget | null; onClose: () => void; onDone: (transfer: TransferRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const transfer = target?.transfer;
  const step = target?.step;
  // An out letter still marked issued is closed in one step by its receipt, which also says when it was received.
  const asksReceivedOn = step === 'returnReceipt' && (transfer?.status === 'issued' || transfer?.status === 'expired');
  const fields = useMemo(() => (step === 'cancel' ? ['on', 'reason'] : asksReceivedOn ? ['on', 'receivedOn'] : ['on']), [step, asksReceivedOn]);
  const labels: FieldLabels = useMemo(
    () => ({
      on: step ? t(`transfers.step.on.${step}`) : '',
      receivedOn: t('transfers.step.receivedOn'),
      reason: t('transfers.step.reason'),
      id: transfer ? `${t('transfers.step.letter')} ${transfer.letterNumber}` : '',
    }),
    [t, step, transfer],
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ on: dayjs(), receivedOn: null, reason: '' });
    setRefusal(null);
  }, [target, form]);

  const submit = async () => {
    if (!transfer || !step) return;
    const v = form.getFieldsValue(true) as Partial<Values>;
    // What is wrong with the letter itself (already received, cancelled …) is said above the form.
    const cycle = { form, fields, labels, report, setSaving, onRefusal: setRefusal };
    let done: TransferRow | null;
    if (step === 'receive') {
      const input = { id: transfer.id, on: day(v.on) };
      done = await submitChecked({ ...cycle, schema: contract['transfers.receive'].input, input, call: () => api.call('transfers.receive', input) });
      if (done) void message.success(t('transfers.step.done.receive', { name: done.memberName }));
    } else if (step === 'returnReceipt') {
      const input = { id: transfer.id, on: day(v.on), ...(asksReceivedOn && v.receivedOn ? { receivedOn: day(v.receivedOn) } : {}) };
      done = await submitChecked({ ...cycle, schema: contract['transfers.returnReceipt'].input, input, call: () => api.call('transfers.returnReceipt', input) });
      if (done) void message.success(t('transfers.step.done.returnReceipt', { letter: done.letterNumber }));
    } else {
      const input = { id: transfer.id, on: day(v.on), reason: v.reason ?? '' };
      done = await submitChecked({ ...cycle, schema: contract['transfers.cancel'].input, input, call: () => api.call('transfers.cancel', input) });
      if (done) void message.success(t('transfers.step.done.cancel', { letter: done.letterNumber }));
    }
    if (done) onDone(done);
  };

  const title = step ? t(`transfers.step.${step}Title`) : null;

  return (
    <FormModal
      open={target !== null}
      title={title}
      saving={saving}
      width={560}
      okText={step ? t(`transfers.actions.${step}`) : undefined}
      danger={step === 'cancel'}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {transfer && step && (
        <>
          <div className="transfer-step-summary">
            <KeyValues
              labelWidth={96}
              rows={[
                {
                  key: 'letter',
                  label: t('transfers.step.letter'),
                  value: (
                    <span className="transfer-step-letter">
                      <span className="mono">{transfer.letterNumber}</span>
                      <DirectionTag direction={transfer.direction} />
                    </span>
                  ),
                },
                {
                  key: 'member',
                  label: t('transfers.step.member'),
                  value: (
                    <span>
                      {transfer.memberName}
                      <span className="mono muted transfer-step-id">{transfer.memberIdNumber}</span>
                    </span>
                  ),
                },
                { key: 'route', label: t('transfers.step.route'), value: `${transfer.fromOrgName} → ${transfer.toOrgName}` },
              ]}
            />
          </div>
          <Alert
            className="modal-alert"
            type={step === 'cancel' ? 'warning' : 'info'}
            showIcon
            title={t(`transfers.step.effect.${effectKey({ transfer, step })}`, { name: transfer.memberName, to: transfer.toOrgName })}
          />
          {refusal && <Alert className="modal-alert" type="error" showIcon title={t('transfers.step.refused', { reason: refusal })} />}
          <Form form={form} layout="horizontal" labelCol={{ flex: '110px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
            <Form.Item name="on" label={labels.on}>
              <DatePicker allowClear={false} style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            {asksReceivedOn && (
              <Form.Item name="receivedOn" label={labels.receivedOn} extra={t('transfers.step.receivedOnHelp')}>
                <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
            {step === 'cancel' && (
              <Form.Item name="reason" label={labels.reason}>
                <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={t('transfers.step.reasonPlaceholder')} />
              </Form.Item>
            )}
            <button type="submit" hidden />
          </Form>
        </>
      )}
    </FormModal>
  );
}
