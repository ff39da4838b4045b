// The working window: navigation on the left, street (or district) and user in the header, the current page
// in the middle. A district's database shows only the district's pages; a street's address there is not found.
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Result, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../components/ChangePasswordModal';
import { BrandMark } from '../components/BrandMark';
import { hasRole, roleLabel } from '../lib/roles';
import { useLanguage } from '../lib/use-language';
import { LockScreen } from '../pages/LockScreen';
import { homePath, matchRoute, routesFor } from './routes';
import { useHashPath } from './router';
import { useSession, useSiteMode } from './session';
import { prefetchPages } from './lazy-page';
import { useIdleLock } from './use-idle-lock';

const { Sider, Header, Content } = Layout;

/** A district's division code as people write it: the 6 digits of the county (kept as 12, padded with zeros). */
function districtCode(code: string): string {
  return code.endsWith('000000') ? code.slice(0, 6) : code;
}

export function AppShell() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { session, status, locked, lockNow, markLocked, logout } = useSession();
  const mode = useSiteMode();
  const [path, navigate] = useHashPath();
  const [changingPassword, setChangingPassword] = useState(false);

  const user = session!.user;
  const home = homePath(mode);
  const modeRoutes = useMemo(() => routesFor(mode), [mode]);
  const visibleRoutes = useMemo(() => modeRoutes.filter((route) => hasRole(user.role, route.minRole)), [modeRoutes, user.role]);
  const match = matchRoute(path, modeRoutes);
  const allowed = match && hasRole(user.role, match.route.minRole);

  useEffect(() => {
    if (path === '/' || path === '') navigate(home);
  }, [path, navigate, home]);

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
              {street && mode === 'city' && (
                <>
                  <Tag className="shell-mode" color="red" variant="outlined">
                    {t('shell.cityTag')}
                  </Tag>
                  <span className="shell-street-meta">{t('shell.cityCode', { code: street.code.slice(0, 4) })}</span>
                </>
              )}
              {street && mode === 'district' && (
                <>
                  <Tag className="shell-mode" color="red" variant="outlined">
                    {t('shell.districtTag')}
                  </Tag>
                  <span className="shell-street-meta">{t('shell.districtCode', { code: districtCode(street.code) })}</span>
                </>
              )}
              {street && mode === 'street' && (
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
                  <Button type="primary" onClick={() => navigate(home)}>
                    {t(mode === 'city' ? 'shell.backHomeCity' : mode === 'district' ? 'shell.backHomeDistrict' : 'shell.backHome')}
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
