// 重置密码: an administrator sets a new password for another user (typed twice).
import { App, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { contract, type UserInfo } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { checkConfirmation, submitChecked } from '../../lib/form-issues';

const FIELDS = ['newPassword', 'confirm'] as const;

export function ResetPasswordModal({ user, onClose }: { user: UserInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const values = form.getFieldsValue();
    const input = { id: user.id, newPassword: values.newPassword ?? '' };
    await submitChecked({
      form,
      schema: contract['users.resetPassword'].input,
      input,
      fields: FIELDS,
      report,
      setSaving,
      alsoCheck: () => checkConfirmation(form, 'confirm', input.newPassword, values.confirm, t('changePassword.mismatch')),
      call: async () => {
        await api.call('users.resetPassword', input);
        void message.success(t('users.resetDone', { name: user.displayName }));
        onClose();
      },
    });
  };

  return (
    <FormModal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      saving={saving}
      width={480}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="modal-form">
        <Form.Item name="newPassword" label={t('users.newPassword')} extra={t('users.passwordHelp')}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('changePassword.confirm')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
