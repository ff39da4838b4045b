// 登记党费基数: the category, the monthly base from the month the new pay starts, and an approved reduction or
// exemption with who approved it and when. The amount and its rule are shown as the clerk types.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DUES_ADJUSTMENTS, type DuesAdjustment } from '../../../../shared/api/schemas-dues';
import { formatFen, parseYuan } from '../../../../shared/dues/money';
import { DUES_CATEGORIES, hasBase, MAX_BASE_FEN, monthlyDues, ruleText, type DuesCategory } from '../../../../shared/dues/rates';
import { FormModal } from '../../components/FormModal';
import { useLanguage } from '../../lib/use-language';
import { useSaveForm } from '../counter/use-save-form';
import { amountsRead } from './dues-format';

interface Values {
  category: DuesCategory;
  baseFen: string;
  effectiveMonth: Dayjs | null;
  adjustment: DuesAdjustment;
  reducedFen: string;
  approvedBy: string;
  approvedOn: Dayjs | null;
  note: string;
}

const fen = (text: string) => (text.trim() === '' ? null : (parseYuan(text) ?? Number.NaN));

export function BaseModal({ open, memberId, onClose, onSaved }: { open: boolean; memberId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { form, saving, submit: save } = useSaveForm<Values, 'dues.saveBase'>(
    'dues.saveBase',
    ['category', 'baseFen', 'effectiveMonth', 'adjustment', 'reducedFen', 'approvedBy', 'approvedOn', 'note'],
    (v) => ({
      memberId,
      category: v.category,
      baseFen: hasBase(v.category) ? fen(v.baseFen) : null,
      effectiveMonth: v.effectiveMonth ? v.effectiveMonth.format('YYYY-MM') : '',
      adjustment: v.adjustment,
      reducedFen: v.adjustment === 'reduced' ? fen(v.reducedFen) : null,
      ...(v.adjustment !== 'none' && v.approvedBy ? { approvedBy: v.approvedBy } : {}),
      ...(v.adjustment !== 'none' && v.approvedOn ? { approvedOn: v.approvedOn.format('YYYY-MM-DD') } : {}),
      note: v.note,
    }),
    () => onSaved(),
  );
  const submit = async () => {
    if (amountsRead(form, ['baseFen', 'reducedFen'], lang)) await save();
  };
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ category: 'working', baseFen: '', effectiveMonth: dayjs(), adjustment: 'none', reducedFen: '', approvedBy: '', approvedOn: null, note: '' });
  }, [open, form]);
  const category = Form.useWatch('category', form) ?? 'working';
  const base = Form.useWatch('baseFen', form) ?? '';
  const adjustment = Form.useWatch('adjustment', form) ?? 'none';
  const baseFen = parseYuan(base);
  const preview = !hasBase(category) || (baseFen !== null && baseFen <= MAX_BASE_FEN) ? monthlyDues(category, hasBase(category) ? baseFen : null) : null;
  const f = (key: string) => t(`dues.baseForm.${key}`);
  return (
    <FormModal open={open} title={f('title')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="dues-two">
          <Form.Item name="category" label={f('category')}>
            <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: t(`dues.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="effectiveMonth" label={f('effectiveMonth')}>
            <DatePicker picker="month" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </div>
        {hasBase(category) && (
          <Form.Item name="baseFen" label={f('base')} extra={f('baseHelp')}>
            <Input inputMode="decimal" className="dues-figure" autoFocus />
          </Form.Item>
        )}
        {preview && <p className="dues-rule">{t('dues.baseForm.preview', { amount: formatFen(preview.monthlyFen), rule: ruleText(preview, lang) })}</p>}
        <Form.Item name="adjustment" label={f('adjustment')}>
          <Select options={DUES_ADJUSTMENTS.map((a) => ({ value: a, label: t(`dues.baseForm.adjustments.${a}`) }))} />
        </Form.Item>
        {adjustment === 'reduced' && (
          <Form.Item name="reducedFen" label={f('reducedAmount')}>
            <Input inputMode="decimal" className="dues-figure" />
          </Form.Item>
        )}
        {adjustment !== 'none' && (
          <div className="dues-two">
            <Form.Item name="approvedBy" label={f('approvedBy')}>
              <Input />
            </Form.Item>
            <Form.Item name="approvedOn" label={f('approvedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
        <Form.Item name="note" label={f('note')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
