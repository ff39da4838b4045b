// 新增党员 by a form: the fields of a roster row, with pickers for the coded ones. Dates are typed the
// way clerks write them (2019.07, 2019年7月1日 …); sex and birth date come from the ID number when left
// empty. The core checks everything and its answer is shown under the fields it names.
import { App, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CodeTableName, type CodeTables, type MemberRow, type OrgNode } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/api/schemas';
import { MEMBER_FIELDS, type MemberField } from '../../../../shared/members/fields';
import { isBlankCell } from '../../../../shared/members/draft';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { useLanguage } from '../../lib/use-language';
import { memberColumnTitle } from './member-columns';

/** The form's fields, in the roster's order; the branch is picked above them. */
const FORM_FIELDS = MEMBER_FIELDS.filter((f) => f.key !== 'branch');
const FIELD_NAMES = ['orgId', ...FORM_FIELDS.map((f) => `fields.${f.key}`)];
/** Typed and picked fields on a grid of four columns; the yes/no ones as one line of ticks under them. */
const VALUE_FIELDS = FORM_FIELDS.filter((f) => f.kind !== 'flag');
const FLAG_FIELDS = FORM_FIELDS.filter((f) => f.kind === 'flag');

export interface BranchOption {
  id: number;
  label: string;
}

export function MemberFormModal({
  open,
  branches,
  defaultOrg,
  codes,
  onClose,
  onCreated,
}: {
  open: boolean;
  branches: BranchOption[];
  defaultOrg: OrgNode | null;
  codes: CodeTables | null;
  onClose: () => void;
  onCreated: (member: MemberRow) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ orgId: defaultOrg && branches.some((b) => b.id === defaultOrg.id) ? defaultOrg.id : undefined, fields: { category: 'full' } });
  }, [open, form, defaultOrg, branches]);

  const submit = async () => {
    const values = form.getFieldsValue(true) as { orgId?: number; fields?: Record<string, unknown> };
    const fields = Object.fromEntries(Object.entries(values.fields ?? {}).filter(([, v]) => !isBlankCell(v) && v !== false)) as Record<string, string | number | boolean>;
    if (!values.orgId) {
      form.setFields([{ name: 'orgId', errors: [t('memberForm.pickBranch')] }]);
      return;
    }
    const input = { orgId: values.orgId, fields };
    const member = await submitChecked({ form, schema: contract['members.create'].input, input, fields: FIELD_NAMES, report, setSaving, call: () => api.call('members.create', input) });
    if (!member) return;
    void message.success(t('memberForm.created', { name: member.name }));
    onCreated(member);
  };

  return (
    <FormModal open={open} title={t('memberForm.title')} saving={saving} width={820} onSubmit={() => void submit()} onClose={onClose}>
      <p className="modal-hint">{t('memberForm.hint')}</p>
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="modal-form member-form" requiredMark>
        <Form.Item name="orgId" label={t('memberForm.branch')} required>
          <Select showSearch={{ optionFilterProp: 'label' }} options={branches.map((b) => ({ value: b.id, label: b.label }))} placeholder={t('memberForm.pickBranch')} />
        </Form.Item>
        <Row gutter={12}>
          {VALUE_FIELDS.map((f) => (
            <Col key={f.key} span={6}>
              <Form.Item
                name={['fields', f.key]}
                label={memberColumnTitle(f, lang)}
                required={f.required}
                tooltip={f.kind === 'date' ? t('memberForm.dateHint') : f.key === 'sex' || f.key === 'birthDate' ? t('memberForm.fromId') : undefined}
              >
                <FieldInput field={f} codes={codes} lang={lang} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <div className="member-form-flags">
          {FLAG_FIELDS.map((f) => (
            <Form.Item key={f.key} name={['fields', f.key]} valuePropName="checked" noStyle>
              <FieldInput field={f} codes={codes} lang={lang} />
            </Form.Item>
          ))}
        </div>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

function FieldInput({ field, codes, lang, ...rest }: { field: MemberField; codes: CodeTables | null; lang: Language; value?: unknown; checked?: boolean; onChange?: (v: unknown) => void }) {
  const { t } = useTranslation();
  const options = useMemo((): { value: string | number; label: string }[] | null => {
    switch (field.kind) {
      case 'sex':
        return [1, 2].map((v) => ({ value: v, label: t(`members.sex.${v}`) }));
      case 'category':
        return ['full', 'probationary'].map((v) => ({ value: v, label: t(`members.category.${v}`) }));
      case 'standing':
        return ['normal', 'suspended'].map((v) => ({ value: v, label: t(`members.standing.${v}`) }));
      case 'ethnicity':
      case 'education':
      case 'occupation':
        return (codes?.[field.kind as CodeTableName] ?? []).filter((c) => !c.retired).map((c) => ({ value: c.code, label: c.label }));
      default:
        return null;
    }
  }, [field.kind, codes, t]);
  if (field.kind === 'flag') {
    return (
      <Checkbox checked={rest.checked} onChange={(e) => rest.onChange?.(e.target.checked)}>
        {memberColumnTitle(field, lang)}
      </Checkbox>
    );
  }
  if (options) {
    return <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} value={rest.value} onChange={(v) => rest.onChange?.(v)} />;
  }
  return (
    <Input
      value={rest.value as string | undefined}
      onChange={(e) => rest.onChange?.(e.target.value)}
      maxLength={field.kind === 'citizenId' ? 18 : 400}
      className={field.kind === 'citizenId' || field.kind === 'phone' || field.kind === 'date' ? 'mono' : undefined}
      placeholder={field.kind === 'date' ? t('memberForm.datePlaceholder') : undefined}
    />
  );
}
