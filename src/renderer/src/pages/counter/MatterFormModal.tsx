// Adds or edits a matter of the catalog (administrator): name, list, category, materials one per line,
// limit in working days, responsible post, fee and legal basis. Requests already accepted keep their terms.
import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceMatterInfo } from '../../../../shared/api/contract-counter';
import { LIST_CLASSES, MATTER_CATEGORIES, type ListClass, type MatterCategory } from '../../../../shared/api/schemas-counter';
import { FormModal } from '../../components/FormModal';
import { useSaveForm } from './use-save-form';

interface Values {
  matterName: string;
  listClass: ListClass;
  category: MatterCategory;
  materials: string;
  limitDays: number | null;
  responsiblePost: string;
  fee: string;
  legalBasis: string;
}

const FIELDS = ['matterName', 'listClass', 'category', 'materials', 'limitDays', 'responsiblePost', 'fee', 'legalBasis'];

export function MatterFormModal({ open, matter, onClose, onSaved }: { open: boolean; matter: ServiceMatterInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'matters.create' | 'matters.update'>(
    matter ? 'matters.update' : 'matters.create',
    FIELDS,
    (v) => {
      const fields = { ...v, limitDays: v.limitDays ?? Number.NaN, materials: v.materials.split('\n').map((line) => line.trim()).filter(Boolean) };
      return matter ? { id: matter.id, version: matter.version, ...fields } : fields;
    },
    onSaved,
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      matter
        ? { ...matter, matterName: matter.name, materials: matter.materials.join('\n') }
        : { matterName: '', listClass: 'agency', category: 'other', materials: '', limitDays: 5, responsiblePost: '', fee: '免费', legalBasis: '' },
    );
  }, [open, matter, form]);

  return (
    <FormModal open={open} title={matter ? t('matters.editTitle') : t('matters.createTitle')} saving={saving} width={640} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="matterName" label={t('matters.columns.name')}>
          <Input autoFocus />
        </Form.Item>
        <div className="accept-row">
          <Form.Item name="listClass" label={t('matters.columns.listClass')}>
            <Select options={LIST_CLASSES.map((c) => ({ value: c, label: t(`counter.listClassLong.${c}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('matters.columns.category')}>
            <Select options={MATTER_CATEGORIES.map((c) => ({ value: c, label: t(`counter.category.${c}`) }))} />
          </Form.Item>
        </div>
        <div className="accept-row">
          <Form.Item name="limitDays" label={t('matters.columns.limit')} extra={t('matters.form.limitHelp')}>
            <InputNumber min={0} max={90} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="responsiblePost" label={t('matters.columns.post')}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="materials" label={t('matters.columns.materials')} extra={t('matters.form.materialsHelp')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <div className="accept-row">
          <Form.Item name="fee" label={t('matters.columns.fee')}>
            <Input />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('matters.columns.basis')}>
            <Input />
          </Form.Item>
        </div>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
