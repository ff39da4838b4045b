// 新建下级组织 / 编辑: name, level (only the levels the parent may hold), category, community and grid,
// branch committee and term. Checked with orgs.create / orgs.update's own schemas before sending.
import { App, Form, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CommunityInfo, type GridInfo, type OrgNode } from '../../../../shared/api/contract';
import { ORG_CATEGORIES, type OrgCategory, type OrgLevel } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { TermFields } from '../../components/TermFields';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import { CHILD_LEVELS } from '../../../../shared/org-rules';

interface Values {
  name: string;
  level: OrgLevel;
  category: OrgCategory;
  communityId: number | null;
  gridId: number | null;
  hasCommittee: boolean;
  termStart: Dayjs | null;
  termEnd: Dayjs | null;
}

const CREATE_FIELDS = ['name', 'level', 'category', 'communityId', 'gridId', 'hasCommittee', 'termStart', 'termEnd'] as const;
const EDIT_FIELDS = ['name', 'category', 'communityId', 'gridId', 'hasCommittee', 'termStart', 'termEnd'] as const;

const day = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);

export type OrgFormTarget = { mode: 'create'; parent: OrgNode } | { mode: 'edit'; org: OrgNode };

export function OrgFormModal({
  target,
  communities,
  grids,
  onClose,
  onSaved,
}: {
  /** What the dialog is for; null when it is closed. */
  target: OrgFormTarget | null;
  communities: readonly CommunityInfo[];
  grids: readonly GridInfo[];
  onClose: () => void;
  onSaved: (org: OrgNode) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const communityId = Form.useWatch('communityId', form) ?? null;
  const chosenLevel = Form.useWatch('level', form);
  const level = target?.mode === 'edit' ? target.org.level : chosenLevel;

  const labels: FieldLabels = useMemo(() => ({ name: t('org.form.name') }), [t]);
  const levels = target?.mode === 'create' ? CHILD_LEVELS[target.parent.level] : [];

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      const parent = target.parent;
      form.setFieldsValue({
        level: CHILD_LEVELS[parent.level][parent.level === 'street_committee' ? 0 : CHILD_LEVELS[parent.level].length - 1],
        category: 'regional',
        communityId: parent.communityId,
        gridId: null,
        hasCommittee: false,
      });
    } else {
      const org = target.org;
      form.setFieldsValue({
        name: org.name,
        category: org.category,
        communityId: org.communityId,
        gridId: org.gridId,
        hasCommittee: org.hasCommittee,
        termStart: org.termStart ? dayjs(org.termStart) : null,
        termEnd: org.termEnd ? dayjs(org.termEnd) : null,
      });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const v = form.getFieldsValue(true) as Partial<Values>;
    const common = {
      name: v.name ?? '',
      category: v.category,
      communityId: v.communityId ?? null,
      gridId: v.gridId ?? null,
      hasCommittee: v.hasCommittee ?? false,
      termStart: day(v.termStart),
      termEnd: day(v.termEnd),
    };
    const cycle = { form, labels, report, setSaving };
    let saved: OrgNode | null;
    if (target.mode === 'create') {
      const input = { ...common, parentId: target.parent.id, level: v.level! };
      saved = await submitChecked({ ...cycle, schema: contract['orgs.create'].input, input, fields: CREATE_FIELDS, call: () => api.call('orgs.create', input) });
    } else {
      const input = { ...common, id: target.org.id };
      saved = await submitChecked({ ...cycle, schema: contract['orgs.update'].input, input, fields: EDIT_FIELDS, call: () => api.call('orgs.update', input) });
    }
    if (!saved) return;
    void message.success(target.mode === 'create' ? t('org.form.created', { name: saved.name }) : t('org.form.updated', { name: saved.name }));
    onSaved(saved);
  };

  const gridOptions = grids.filter((g) => g.communityId === communityId && g.closedOn === null).map((g) => ({ value: g.id, label: g.name }));

  return (
    <FormModal
      open={target !== null}
      title={
        target?.mode === 'create' ? (
          <span>
            {t('org.form.addTitle')}
            <span className="modal-subtitle">{t('org.form.addUnder', { parent: target.parent.name })}</span>
          </span>
        ) : target ? (
          t('org.form.editTitle', { name: target.org.name })
        ) : null
      }
      saving={saving}
      width={600}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: '104px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item name="name" label={t('org.form.name')}>
          <Input autoFocus maxLength={60} placeholder={t('org.form.namePlaceholder')} />
        </Form.Item>
        {target?.mode === 'create' ? (
          <Form.Item name="level" label={t('org.form.level')}>
            <Select<OrgLevel> options={levels.map((level) => ({ value: level, label: t(`orgLevels.${level}`) }))} />
          </Form.Item>
        ) : target ? (
          <Form.Item label={t('org.form.level')}>{t(`orgLevels.${target.org.level}`)}</Form.Item>
        ) : null}
        <Form.Item name="category" label={t('org.form.category')}>
          <Select<OrgCategory> options={ORG_CATEGORIES.map((c) => ({ value: c, label: t(`orgCategories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="communityId" label={t('org.form.community')}>
          <Select<number | null>
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('org.form.noneSelected')}
            options={communities.filter((c) => c.closedOn === null).map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('gridId', null)}
          />
        </Form.Item>
        <Form.Item name="gridId" label={t('org.form.grid')}>
          <Select<number | null>
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            disabled={!communityId}
            placeholder={communityId ? t('org.form.noneSelected') : t('org.form.gridPickCommunity')}
            options={communityId ? gridOptions : []}
          />
        </Form.Item>
        {level !== 'party_group' && (
          <Form.Item name="hasCommittee" label={level ? t(`org.committeeOf.${level}`) : t('org.form.hasCommittee')} valuePropName="checked">
            <Switch checkedChildren={t('org.committeeYes')} unCheckedChildren={t('org.committeeNo')} />
          </Form.Item>
        )}
        <TermFields label={t('org.term')} startLabel={t('org.form.termStart')} endLabel={t('org.form.termEnd')} />
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
