// 添加网格 / 编辑网格 inside one community: name, kind (片区/楼栋/单元) and the buildings and units covered.
import { App, Form, Input, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CommunityInfo, type GridInfo } from '../../../../shared/api/contract';
import { GRID_KINDS } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';

interface Values {
  name: string;
  kind: GridInfo['kind'];
  coverage: string;
}

const FIELDS = ['name', 'kind', 'coverage'] as const;

export type GridFormTarget = { mode: 'create'; community: CommunityInfo } | { mode: 'edit'; grid: GridInfo };

export function GridFormModal({ target, onClose, onSaved }: { target: GridFormTarget | null; onClose: () => void; onSaved: (grid: GridInfo) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const labels: FieldLabels = useMemo(() => ({ name: t('places.gridName') }), [t]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ name: target.grid.name, kind: target.grid.kind, coverage: target.grid.coverage });
    else form.setFieldsValue({ kind: 'block', coverage: '' });
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const v = form.getFieldsValue(true) as Partial<Values>;
    const input = {
      ...(target.mode === 'edit' ? { id: target.grid.id, communityId: target.grid.communityId } : { communityId: target.community.id }),
      name: v.name ?? '',
      kind: v.kind,
      coverage: v.coverage ?? '',
    };
    const saved = await submitChecked({ form, schema: contract['grids.save'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('grids.save', input) });
    if (!saved) return;
    void message.success(t('places.gridSaved', { name: saved.name }));
    onSaved(saved);
  };

  return (
    <FormModal
      open={target !== null}
      title={
        target?.mode === 'edit'
          ? t('places.editGridTitle', { name: target.grid.name })
          : target
            ? t('places.addGridTitle', { community: target.community.name })
            : null
      }
      saving={saving}
      width={520}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: '112px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="name" label={t('places.gridName')}>
          <Input autoFocus maxLength={40} placeholder={t('places.gridNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('places.gridKind')}>
          <Radio.Group optionType="button" options={GRID_KINDS.map((kind) => ({ value: kind, label: t(`gridKinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="coverage" label={t('places.coverage')}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('places.coveragePlaceholder')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
