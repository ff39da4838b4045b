// 登记党费缴纳: one member, one or more months (a quarter, ahead, or a back payment of at most 6 months), the
// amount in yuan as the clerk types it, how it was paid. The contract's schema checks the form first.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesLedgerRow, DuesPaymentInfo } from '../../../../shared/api/contract-dues';
import { DUES_METHODS, type DuesMethod } from '../../../../shared/api/schemas-dues';
import { parseYuan } from '../../../../shared/dues/money';
import { FormModal } from '../../components/FormModal';
import { useSaveForm } from '../counter/use-save-form';
import { amountsRead, monthChoices, yuan } from './dues-format';
import { useLanguage } from '../../lib/use-language';

interface Values {
  memberId: number | undefined;
  periods: string[];
  amountFen: string;
  method: DuesMethod;
  reference: string;
  paidOn: Dayjs | null;
}

export function PayModal({ open, period, rows, memberId, onClose, onSaved }: { open: boolean; period: string; rows: DuesLedgerRow[]; memberId?: number; onClose: () => void; onSaved: (p: DuesPaymentInfo) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { form, saving, submit: save } = useSaveForm<Values, 'dues.pay'>(
    'dues.pay',
    ['memberId', 'periods', 'amountFen', 'method', 'reference', 'paidOn'],
    (v) => ({
      memberId: v.memberId ?? 0,
      periods: v.periods,
      // Not an amount: NaN, which the schema names on the field (不是数字).
      amountFen: parseYuan(v.amountFen) ?? Number.NaN,
      method: v.method,
      reference: v.reference,
      ...(v.paidOn ? { paidOn: v.paidOn.format('YYYY-MM-DD') } : {}),
    }),
    onSaved,
    (saved) => t('dues.payForm.saved', { number: saved.receiptNumber }),
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const row = rows.find((r) => r.memberId === memberId);
    form.setFieldsValue({ memberId, periods: [period], amountFen: row ? yuan(Math.max(0, row.dueFen - row.paidFen)) : '', method: 'cash', reference: '', paidOn: dayjs() });
  }, [open, memberId, period, rows, form]);
  const submit = async () => {
    if (amountsRead(form, ['amountFen'], lang)) await save();
  };
  const chosen = Form.useWatch('memberId', form);
  const months = Form.useWatch('periods', form);
  const row = rows.find((r) => r.memberId === chosen);
  const options = useMemo(() => rows.map((r) => ({ value: r.memberId, label: `${r.name}（${r.branch}）` })), [rows]);
  const f = (key: string) => t(`dues.payForm.${key}`);
  return (
    <FormModal open={open} title={f('title')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="memberId" label={f('member')}>
          <Select showSearch optionFilterProp="label" options={options} autoFocus />
        </Form.Item>
        <Form.Item name="periods" label={f('months')} extra={row && months?.length ? `${f('monthsHelp')} · ${t('dues.payForm.due', { amount: yuan(row.dueFen * months.length) })}` : f('monthsHelp')}>
          <Select mode="multiple" options={monthChoices(period).map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <div className="dues-two">
          <Form.Item name="amountFen" label={f('amount')}>
            <Input inputMode="decimal" className="dues-figure" />
          </Form.Item>
          <Form.Item name="method" label={f('method')}>
            <Select options={DUES_METHODS.map((m) => ({ value: m, label: t(`dues.methods.${m}`) }))} />
          </Form.Item>
        </div>
        <div className="dues-two">
          <Form.Item name="reference" label={f('reference')}>
            <Input />
          </Form.Item>
          <Form.Item name="paidOn" label={f('paidOn')}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </div>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
