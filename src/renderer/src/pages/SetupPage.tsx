// 首次设置: what this computer is for (a street's daily work, or a district receiving the streets' returns),
// its profile and the administrator account; setup.initialize / setup.initializeDistrict also log the admin in.
import { Alert, Button, Col, Form, Input, Radio, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type SiteMode } from '../../../shared/api/contract';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { errorText } from '../lib/errors';
import { checkConfirmation, submitChecked, useIssueDisplay, validationIssues } from '../lib/form-issues';
import { useLanguage } from '../lib/use-language';
import { AuthLayout } from './AuthLayout';

interface Values {
  street: { name: string; code: string; districtName: string };
  district: { name: string; code: string };
  city: { name: string; code: string };
  admin: { username: string; displayName: string; password: string };
  confirmPassword: string;
}

const ADMIN_FIELDS = ['admin.username', 'admin.displayName', 'admin.password', 'confirmPassword'] as const;
const FIELDS: Record<SiteMode, readonly string[]> = {
  street: ['street.name', 'street.code', 'street.districtName', ...ADMIN_FIELDS],
  district: ['district.name', 'district.code', ...ADMIN_FIELDS],
  city: ['city.name', 'city.code', ...ADMIN_FIELDS],
};

export function SetupPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { signedIn, refresh } = useSession();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<SiteMode>('street');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const showIssues = useIssueDisplay(form, FIELDS[mode]);

  const chooseMode = (next: SiteMode) => {
    setMode(next);
    setFailure(null);
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as Partial<Values>;
    const admin = {
      username: values.admin?.username ?? '',
      displayName: values.admin?.displayName ?? '',
      password: values.admin?.password ?? '',
    };
    const street = {
      street: { name: values.street?.name ?? '', code: values.street?.code ?? '', districtName: values.street?.districtName ?? '' },
      admin,
      language: lang,
    };
    const district = { district: { name: values.district?.name ?? '', code: values.district?.code ?? '' }, admin, language: lang };
    const city = { city: { name: values.city?.name ?? '', code: values.city?.code ?? '' }, admin, language: lang };
    setFailure(null);
    const confirmed = () => checkConfirmation(form, 'confirmPassword', admin.password, values.confirmPassword, t('setup.passwordMismatch'));
    const session = { form, fields: FIELDS[mode], display: showIssues, report: setFailure, setSaving: setBusy, alsoCheck: confirmed, handle: refusedOutright };
    if (mode === 'city') {
      await submitChecked({ ...session, schema: contract['setup.initializeCity'].input, input: city, call: async () => signedIn(await api.call('setup.initializeCity', city)) });
    } else if (mode === 'district') {
      await submitChecked({ ...session, schema: contract['setup.initializeDistrict'].input, input: district, call: async () => signedIn(await api.call('setup.initializeDistrict', district)) });
    } else {
      await submitChecked({ ...session, schema: contract['setup.initialize'].input, input: street, call: async () => signedIn(await api.call('setup.initialize', street)) });
    }
  };

  // Refused without a field to blame (someone else finished setup meanwhile): said above the form, and the
  // session looked at again: the login page is where this database now starts.
  const refusedOutright = (error: unknown): boolean => {
    if (validationIssues(error)) return false;
    setFailure(error);
    void refresh();
    return true;
  };

  return (
    <AuthLayout heading={t('setup.title')} wide>
      <div className="setup-mode-label" id="setup-mode-label">
        {t('setup.modeLabel')}
      </div>
      <Radio.Group className="setup-mode" value={mode} onChange={(e) => chooseMode(e.target.value as SiteMode)} aria-labelledby="setup-mode-label">
        {(['street', 'district', 'city'] as const).map((option) => (
          <Radio key={option} value={option} className="setup-mode-option">
            <span className="setup-mode-title">{t(`setup.mode.${option}`)}</span>
            <span className="setup-mode-hint">{t(`setup.modeHint.${option}`)}</span>
          </Radio>
        ))}
      </Radio.Group>
      <p className="setup-intro">{t(mode === 'city' ? 'setup.introCity' : mode === 'district' ? 'setup.introDistrict' : 'setup.intro')}</p>
      {failure !== null && <Alert className="auth-alert" type="error" showIcon title={errorText(failure, lang)} role="alert" />}
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false}>
        <Row gutter={32}>
          <Col xs={24} md={12}>
            {mode === 'city' ? (
              <>
                <div className="form-section-title">{t('setup.citySection')}</div>
                <Form.Item name={['city', 'name']} label={t('setup.cityName')}>
                  <Input autoFocus placeholder={t('setup.cityNamePlaceholder')} maxLength={40} />
                </Form.Item>
                <Form.Item name={['city', 'code']} label={t('setup.cityCode')} extra={t('setup.cityCodeHelp')}>
                  <Input placeholder={t('setup.cityCodePlaceholder')} inputMode="numeric" maxLength={20} />
                </Form.Item>
              </>
            ) : mode === 'district' ? (
              <>
                <div className="form-section-title">{t('setup.districtSection')}</div>
                <Form.Item name={['district', 'name']} label={t('setup.districtName')}>
                  <Input autoFocus placeholder={t('setup.districtNamePlaceholder')} maxLength={40} />
                </Form.Item>
                <Form.Item name={['district', 'code']} label={t('setup.districtCode')} extra={t('setup.districtCodeHelp')}>
                  <Input placeholder={t('setup.districtCodePlaceholder')} inputMode="numeric" maxLength={20} />
                </Form.Item>
              </>
            ) : (
              <>
                <div className="form-section-title">{t('setup.streetSection')}</div>
                <Form.Item name={['street', 'name']} label={t('setup.name')}>
                  <Input autoFocus placeholder={t('setup.namePlaceholder')} maxLength={40} />
                </Form.Item>
                <Form.Item name={['street', 'code']} label={t('setup.code')} extra={t('setup.codeHelp')}>
                  <Input placeholder={t('setup.codePlaceholder')} inputMode="numeric" maxLength={20} />
                </Form.Item>
                <Form.Item name={['street', 'districtName']} label={t('setup.district')}>
                  <Input placeholder={t('setup.districtPlaceholder')} maxLength={40} />
                </Form.Item>
              </>
            )}
          </Col>
          <Col xs={24} md={12}>
            <div className="form-section-title">{t('setup.adminSection')}</div>
            <Form.Item name={['admin', 'username']} label={t('setup.username')}>
              <Input placeholder={t('setup.usernamePlaceholder')} autoComplete="username" maxLength={32} />
            </Form.Item>
            <Form.Item name={['admin', 'displayName']} label={t('setup.displayName')}>
              <Input maxLength={32} />
            </Form.Item>
            <Form.Item name={['admin', 'password']} label={t('setup.password')} extra={t('setup.passwordHelp')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirmPassword" label={t('setup.confirmPassword')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <div className="setup-actions">
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            {t('setup.submit')}
          </Button>
        </div>
      </Form>
    </AuthLayout>
  );
}
