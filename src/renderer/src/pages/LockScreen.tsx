// Full-screen lock: the work behind it stays as it was; the user's password (auth.unlock) opens it again.
import { LockOutlined } from '@ant-design/icons';
import { Avatar, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/api/contract';
import { api, isApiError } from '../api/client';
import { useSession } from '../app/session';
import { errorText } from '../lib/errors';
import { submitChecked } from '../lib/form-issues';

export function LockScreen() {
  const { t } = useTranslation();
  const { session, unlocked, logout, endSession } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const user = session!.user;

  const unlock = async () => {
    const input = { password: form.getFieldValue('password') ?? '' };
    await submitChecked({
      form,
      schema: contract['auth.unlock'].input,
      input,
      fields: ['password'],
      setSaving: setBusy,
      call: async () => unlocked(await api.call('auth.unlock', input)),
      // The session gone or the account locked meanwhile: the lock cannot open, the login page takes over.
      handle: (error) => {
        if (isApiError(error, 'UNAUTHENTICATED')) endSession('expired');
        else if (isApiError(error, 'ACCOUNT_LOCKED')) endSession('account-locked');
        else return false;
        return true;
      },
      // A wrong password and anything else no field names: said under the one field, emptied for the retry.
      report: (error) => form.setFields([{ name: 'password', value: '', errors: [errorText(error)] }]),
    });
  };

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="lock-card">
        <Avatar size={64} className="lock-avatar">
          {user.displayName.slice(0, 1)}
        </Avatar>
        <h1 id="lock-title" className="lock-title">
          <LockOutlined /> {t('lock.title')}
        </h1>
        <div className="lock-user">
          {user.displayName}（{user.username}）
        </div>
        <p className="lock-hint">{t('lock.hint')}</p>
        <Form form={form} onFinish={() => void unlock()} className="lock-form">
          <Form.Item name="password">
            <Input.Password size="large" autoFocus placeholder={t('lock.password')} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('lock.unlock')}
          </Button>
        </Form>
        <Button type="link" className="lock-logout" onClick={() => void logout()}>
          {t('lock.logout')}
        </Button>
      </div>
    </div>
  );
}
