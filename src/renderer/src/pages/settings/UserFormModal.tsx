// Add a user (user name, name, role, optional community scope, initial password) or edit one
// (name, role, scope). Checked with users.create / users.update's own schemas.
import { App, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { contract, type UserInfo } from '../../../../shared/api/contract';
import { ROLES, type Role } from '../../../../shared/api/schemas';
import { api, isApiError } from '../../api/client';
import { useSiteMode } from '../../app/session';
import { errorText, useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { roleLabel } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeCommunityCode: string;
  password: string;
}

const CREATE_FIELDS = ['username', 'displayName', 'role', 'scopeCommunityCode', 'password'] as const;
const EDIT_FIELDS = ['displayName', 'role', 'scopeCommunityCode'] as const;

export function UserFormModal({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The user being edited, or null to add one. */
  editing: UserInfo | null;
  onClose: () => void;
  onSaved: (user: UserInfo) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // A district has no communities to limit an account to.
  const withScope = useSiteMode() === 'street';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        displayName: editing.displayName,
        role: editing.role,
        scopeCommunityCode: editing.scopeCommunityCode ?? '',
      });
    } else {
      form.setFieldsValue({ role: 'clerk' });
    }
  }, [open, editing, form]);

  const submit = async () => {
    const values = form.getFieldsValue(true) as Partial<Values>;
    const scope = (values.scopeCommunityCode ?? '').trim();
    const cycle = { form, report, setSaving, handle: usernameTaken };
    let saved: UserInfo | null;
    if (editing) {
      const input = {
        id: editing.id,
        displayName: values.displayName ?? '',
        role: values.role,
        scopeCommunityCode: scope === '' ? null : scope,
      };
      saved = await submitChecked({ ...cycle, schema: contract['users.update'].input, input, fields: EDIT_FIELDS, call: () => api.call('users.update', input) });
    } else {
      const input = {
        username: values.username ?? '',
        displayName: values.displayName ?? '',
        role: values.role ?? 'clerk',
        scopeCommunityCode: scope === '' ? null : scope,
        password: values.password ?? '',
      };
      saved = await submitChecked({ ...cycle, schema: contract['users.create'].input, input, fields: CREATE_FIELDS, call: () => api.call('users.create', input) });
    }
    if (!saved) return;
    void message.success(editing ? t('users.updated', { name: saved.displayName }) : t('users.created', { name: saved.displayName }));
    onSaved(saved);
  };

  const usernameTaken = (error: unknown): boolean => {
    if (!isApiError(error, 'USERNAME_TAKEN')) return false;
    form.setFields([{ name: 'username', errors: [errorText(error)] }]);
    return true;
  };

  return (
    <FormModal
      open={open}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.addTitle')}
      saving={saving}
      width={560}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: lang === 'en' ? '128px' : '96px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        {editing ? (
          <Form.Item label={t('users.username')}>
            <span className="mono">{editing.username}</span>
          </Form.Item>
        ) : (
          <Form.Item name="username" label={t('users.username')}>
            <Input autoFocus autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input autoFocus={!!editing} maxLength={32} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} extra={t('users.roleHelp')}>
          <Select<Role> options={ROLES.map((role) => ({ value: role, label: roleLabel(role, lang) }))} />
        </Form.Item>
        {withScope && (
          <Form.Item name="scopeCommunityCode" label={t('users.scope')} extra={t('users.scopeHelp')}>
            <Input placeholder={t('users.scopeAll')} inputMode="numeric" maxLength={20} allowClear />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHelp')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
