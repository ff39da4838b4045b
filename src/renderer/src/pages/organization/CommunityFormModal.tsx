// 添加社区 / 编辑社区: name, 12-digit division code (within the street's code), households, population,
// office and activity space. Checked with communities.save's own schema before sending.
import { App, Form, Input, InputNumber } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CommunityInfo } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';

interface Values {
  name: string;
  divisionCode: string;
  households: number | null;
  population: number | null;
  officeArea: number | null;
  activityArea: number | null;
}

const FIELDS = ['name', 'divisionCode', 'households', 'population', 'officeArea', 'activityArea'] as const;

export type CommunityFormTarget = { mode: 'create' } | { mode: 'edit'; community: CommunityInfo };

export function CommunityFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: CommunityFormTarget | null;
  onClose: () => void;
  onSaved: (community: CommunityInfo) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const { status } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const streetPrefix = status?.street?.code.slice(0, 9) ?? '';
  const labels: FieldLabels = useMemo(() => ({ name: t('places.communityName') }), [t]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { name, divisionCode, households, population, officeArea, activityArea } = target.community;
      form.setFieldsValue({ name, divisionCode, households, population, officeArea, activityArea });
    } else {
      form.setFieldsValue({ divisionCode: streetPrefix });
    }
  }, [target, form, streetPrefix]);

  const submit = async () => {
    if (!target) return;
    const v = form.getFieldsValue(true) as Partial<Values>;
    const input = {
      ...(target.mode === 'edit' ? { id: target.community.id } : {}),
      name: v.name ?? '',
      divisionCode: v.divisionCode ?? '',
      households: v.households ?? null,
      population: v.population ?? null,
      officeArea: v.officeArea ?? null,
      activityArea: v.activityArea ?? null,
    };
    const saved = await submitChecked({ form, schema: contract['communities.save'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('communities.save', input) });
    if (!saved) return;
    void message.success(t('places.communitySaved', { name: saved.name }));
    onSaved(saved);
  };

  return (
    <FormModal
      open={target !== null}
      title={target?.mode === 'edit' ? t('places.editCommunityTitle', { name: target.community.name }) : t('places.addCommunityTitle')}
      saving={saving}
      width={560}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: '128px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="name" label={t('places.communityName')}>
          <Input autoFocus maxLength={40} placeholder={t('places.communityNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('places.divisionCode')} extra={t('places.divisionCodeHelp', { street: streetPrefix })}>
          <Input inputMode="numeric" maxLength={14} className="mono" />
        </Form.Item>
        <Form.Item name="households" label={t('places.households')}>
          <InputNumber min={0} precision={0} className="input-number-wide" />
        </Form.Item>
        <Form.Item name="population" label={t('places.population')}>
          <InputNumber min={0} precision={0} className="input-number-wide" />
        </Form.Item>
        <Form.Item name="officeArea" label={t('places.officeArea')}>
          <InputNumber min={0} precision={1} className="input-number-wide" />
        </Form.Item>
        <Form.Item name="activityArea" label={t('places.activityArea')}>
          <InputNumber min={0} precision={1} className="input-number-wide" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
