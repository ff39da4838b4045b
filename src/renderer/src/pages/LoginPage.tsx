// 登录: user name and password; wrong ones, lockouts and disabled accounts are told in plain words.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/api/contract';
import { api, ApiCallError } from '../api/client';
import { useSession } from '../app/session';
import { errorText } from '../lib/errors';
import { submitChecked, useIssueDisplay } from '../lib/form-issues';
import { useLanguage } from '../lib/use-language';
import { AuthLayout } from './AuthLayout';

interface Values {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { status, notice, signedIn } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const lang = useLanguage();
  const showIssues = useIssueDisplay(form, FIELDS);

  const submit = async () => {
    const values = form.getFieldsValue();
    const input = { username: values.username ?? '', password: values.password ?? '' };
    setFailure(null);
    await submitChecked({
      form,
      schema: contract['auth.login'].input,
      input,
      fields: FIELDS,
      display: showIssues,
      report: setFailure,
      setSaving: setBusy,
      call: async () => signedIn(await api.call('auth.login', input)),
      // A refused login never leaves the password typed in; what else is wrong is shown as usual.
      handle: (error) => {
        if (error instanceof ApiCallError) form.setFieldValue('password', '');
        return false;
      },
    });
  };

  const street = status?.street;
  return (
    <AuthLayout
      heading={street?.name ?? t('app.name')}
      subheading={street ? `${status?.mode === 'city' ? t('shell.cityTag') : status?.mode === 'district' ? t('shell.districtTag') : street.districtName} · ${t('app.name')}` : undefined}
    >
      {notice && failure === null && <Alert className="auth-alert" type="info" showIcon title={t(`sessionEnded.${notice}`)} />}
      {failure !== null && <Alert className="auth-alert" type="error" showIcon title={errorText(failure, lang)} role="alert" />}
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false} size="large">
        <Form.Item name="username" label={t('login.username')}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} className="auth-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
