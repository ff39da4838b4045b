// The root: antd theme and locale following the UI language, then the page the session calls for.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorText } from '../lib/errors';
import { useLanguage } from '../lib/use-language';
import { LoginPage } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { AppShell } from './AppShell';
import { PrintRoute } from '../print/PrintRoute';
import { SessionProvider, useSession } from './session';
import { THEME } from './theme';

function Screen() {
  const { t } = useTranslation();
  const { phase, refresh, startError } = useSession();
  switch (phase) {
    case 'starting':
      return (
        <div className="full-center">
          <Spin size="large" />
          <div className="muted">{t('app.loading')}</div>
        </div>
      );
    case 'unreachable':
      return (
        <div className="full-center">
          <Result
            status="warning"
            title={t('app.unreachableTitle')}
            subTitle={isApiError(startError) && !startError.unreachable ? errorText(startError) : t('app.unreachableBody')}
            extra={
              <Button type="primary" onClick={() => void refresh()}>
                {t('app.retry')}
              </Button>
            }
          />
        </div>
      );
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    case 'ready':
      return <PrintRoute fallback={<AppShell />} />;
  }
}

export function App() {
  const lang = useLanguage();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp className="app-root">
        <SessionProvider>
          <Screen />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
