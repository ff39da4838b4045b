// The working window: navigation on the left, street and user in the header, the current page in the middle.
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Result, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../components/ChangePasswordModal';
import { BrandMark } from '../components/BrandMark';
import { hasRole, roleLabel } from '../lib/roles';
import { useLanguage } from '../lib/use-language';
import { LockScreen } from '../pages/LockScreen';
import { HOME_PATH, matchRoute, ROUTES } from './routes';
import { useHashPath } from './router';
import { useSession } from './session';
import { prefetchPages } from './lazy-page';
import { useIdleLock } from './use-idle-lock';

const { Sider, Header, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { session, status, locked, lockNow, markLocked, logout } = useSession();
  const [path, navigate] = useHashPath();
  const [changingPassword, setChangingPassword] = useState(false);

  const user = session!.user;
  const visibleRoutes = useMemo(() => ROUTES.filter((route) => hasRole(user.role, route.minRole)), [user.role]);
  const match = matchRoute(path);
  const allowed = match && hasRole(user.role, match.route.minRole);

  useEffect(() => {
    if (path === '/' || path === '') navigate(HOME_PATH);
  }, [path, navigate]);

  useEffect(() => {
    const id = requestIdleCallback(prefetchPages, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);

  useIdleLock({
    idleLockMinutes: session!.idleLockMinutes,
    locked,
    onIdle: () => void lockNow(),
    onCoreLocked: markLocked,
  });

  const street = status?.street;
  const Page = allowed ? match.route.page : null;

  return (
    <>
      <Layout className="shell" inert={locked}>
        <Sider width={212} theme="light" className="shell-sider">
          <div className="shell-brand">
            <BrandMark size={30} withName />
          </div>
          <Menu
            mode="inline"
            className="shell-nav"
            selectedKeys={match ? [match.route.path] : []}
            items={visibleRoutes.map((route) => ({ key: route.path, icon: route.icon, label: t(route.labelKey) }))}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Layout>
          <Header className="shell-header">
            <div className="shell-street">
              <span className="shell-street-name">{street?.name}</span>
              {street && (
                <span className="shell-street-meta">
                  {street.districtName}
                  <span className="dot-sep" />
                  {street.code}
                </span>
              )}
            </div>
            <Dropdown
              trigger={['click']}
              placement="bottomRight"
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
                  { key: 'lock', icon: <LockOutlined />, label: t('shell.lock') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'password') setChangingPassword(true);
                  else if (key === 'lock') void lockNow();
                  else if (key === 'logout') void logout();
                },
              }}
            >
              <Button type="text" className="shell-user" aria-label={t('shell.userMenu')}>
                <Avatar size={28} className="shell-avatar">
                  {user.displayName.slice(0, 1)}
                </Avatar>
                <span className="shell-user-name">{user.displayName}</span>
                <Tag className="shell-role" variant="filled">
                  {roleLabel(user.role, lang)}
                </Tag>
                <DownOutlined className="shell-user-caret" />
              </Button>
            </Dropdown>
          </Header>
          <Content className="shell-content">
            {Page ? (
              <Page key={match!.route.path} subPath={match!.subPath} />
            ) : (
              <Result
                status="404"
                title={t('shell.notFound')}
                extra={
                  <Button type="primary" onClick={() => navigate(HOME_PATH)}>
                    {t('shell.backHome')}
                  </Button>
                }
              />
            )}
          </Content>
        </Layout>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      {locked && <LockScreen />}
    </>
  );
}
