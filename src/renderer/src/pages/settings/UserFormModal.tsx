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
import { checkForm, showCallFailure } from '../../lib/form-issues';
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
    setSaving(true);
    try {
      let saved: UserInfo;
      if (editing) {
        const input = {
          id: editing.id,
          displayName: values.displayName ?? '',
          role: values.role,
          scopeCommunityCode: scope === '' ? null : scope,
        };
        if (!checkForm(form, contract['users.update'].input, input, EDIT_FIELDS)) return;
        saved = await api.call('users.update', input);
        void message.success(t('users.updated', { name: saved.displayName }));
      } else {
        const input = {
          username: values.username ?? '',
          displayName: values.displayName ?? '',
          role: values.role ?? 'clerk',
          scopeCommunityCode: scope === '' ? null : scope,
          password: values.password ?? '',
        };
        if (!checkForm(form, contract['users.create'].input, input, CREATE_FIELDS)) return;
        saved = await api.call('users.create', input);
        void message.success(t('users.created', { name: saved.displayName }));
      }
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 'USERNAME_TAKEN')) form.setFields([{ name: 'username', errors: [errorText(error)] }]);
      else showCallFailure(form, error, editing ? EDIT_FIELDS : CREATE_FIELDS, report);
    } finally {
      setSaving(false);
    }
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
