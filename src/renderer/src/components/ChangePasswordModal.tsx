// 修改密码: the current user's own password (current, new, confirm), checked with the contract's schema.
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from './FormModal';
import { contract } from '../../../shared/api/contract';
import { api, isApiError } from '../api/client';
import { errorText, useReportError } from '../lib/errors';
import { checkConfirmation, submitChecked } from '../lib/form-issues';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = form.getFieldsValue();
    const input = { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' };
    await submitChecked({
      form,
      schema: contract['auth.changePassword'].input,
      input,
      fields: FIELDS,
      report,
      setSaving,
      alsoCheck: () => checkConfirmation(form, 'confirm', input.newPassword, values.confirm, t('changePassword.mismatch')),
      call: async () => {
        await api.call('auth.changePassword', input);
        void message.success(t('changePassword.done'));
        form.resetFields();
        onClose();
      },
      handle: (error) => {
        if (!isApiError(error, 'WRONG_PASSWORD')) return false;
        form.setFields([{ name: 'currentPassword', errors: [errorText(error)] }]);
        return true;
      },
    });
  };

  return (
    <FormModal
      open={open}
      title={t('changePassword.title')}
      saving={saving}
      width={440}
      onSubmit={() => void submit()}
      onClose={() => {
        form.resetFields();
        onClose();
      }}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="modal-form">
        <Form.Item name="currentPassword" label={t('changePassword.currentPassword')}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('changePassword.newPassword')} extra={t('changePassword.newPasswordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('changePassword.confirm')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
