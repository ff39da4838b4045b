// 用户管理 (administrators only): the accounts with role, scope, status and last login; add, edit,
// disable/enable, reset password, unlock.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession, useSession, useSiteMode } from '../../app/session';
import { errorText, useReportError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

function isLocked(user: UserInfo): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const { user: me } = useCurrentSession();
  const { setUser } = useSession();
  // A district has no communities to limit an account to.
  const withScope = useSiteMode() === 'street';
  const users = useApi('users.list');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserInfo | null>(null);
  const [resetting, setResetting] = useState<UserInfo | null>(null);

  const setDisabled = (user: UserInfo, disabled: boolean) => {
    const run = async () => {
      try {
        await api.call('users.update', { id: user.id, disabled });
        void message.success(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.displayName }));
        await users.reload();
      } catch (error) {
        report(error);
      }
    };
    if (!disabled) return void run();
    modal.confirm({
      title: t('users.disable'),
      content: t('users.confirmDisable', { name: user.displayName }),
      okText: t('users.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const unlock = async (user: UserInfo) => {
    try {
      await api.call('users.unlock', { id: user.id });
      void message.success(t('users.unlockDone', { name: user.displayName }));
      await users.reload();
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="tab-body">
      <div className="toolbar">
        <Space>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('users.add')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void users.reload()}>
            {t('common.refresh')}
          </Button>
        </Space>
        {users.data && <span className="muted">{t('common.total', { total: users.data.length })}</span>}
      </div>
      {users.error ? <div className="load-error">{errorText(users.error)}</div> : null}
      <Table<UserInfo>
        size="middle"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          {
            key: 'username',
            title: t('users.username'),
            dataIndex: 'username',
            width: 150,
            render: (value: string, row) => (
              <span>
                <span className="mono">{value}</span>
                {row.id === me.id && <span className="muted">{t('users.you')}</span>}
              </span>
            ),
          },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
          { key: 'role', title: t('users.role'), dataIndex: 'role', width: 110, render: (role: UserInfo['role']) => roleLabel(role, lang) },
          ...(withScope
            ? [
                {
                  key: 'scope',
                  title: t('users.scope'),
                  dataIndex: 'scopeCommunityCode',
                  width: 150,
                  render: (code: string | null) => (code ? <span className="mono">{code}</span> : <span className="muted">{t('users.scopeAll')}</span>),
                },
              ]
            : []),
          {
            key: 'status',
            title: t('users.status'),
            width: 200,
            render: (_: unknown, row) =>
              row.disabled ? (
                <Tag variant="filled">{t('users.disabled')}</Tag>
              ) : isLocked(row) ? (
                <Tag color="orange" variant="filled">
                  {t('users.lockedUntil', { time: formatDateTime(row.lockedUntil, lang) })}
                </Tag>
              ) : (
                <Badge status="success" text={t('users.active')} />
              ),
          },
          {
            key: 'lastLogin',
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            width: 170,
            render: (value: string | null) => (value ? formatDateTime(value, lang) : <span className="muted">{t('users.never')}</span>),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 230,
            render: (_: unknown, row) => (
              <Space size={0} className="row-actions">
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setEditing(row);
                    setFormOpen(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(row)}>
                  {t('users.resetPassword')}
                </Button>
                {isLocked(row) && (
                  <Button type="link" size="small" onClick={() => void unlock(row)}>
                    {t('users.unlock')}
                  </Button>
                )}
                {row.id !== me.id &&
                  (row.disabled ? (
                    <Button type="link" size="small" onClick={() => setDisabled(row, false)}>
                      {t('users.enable')}
                    </Button>
                  ) : (
                    <Button type="link" size="small" danger onClick={() => setDisabled(row, true)}>
                      {t('users.disable')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <UserFormModal
        open={formOpen}
        editing={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          if (saved.id === me.id) setUser(saved);
          void users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
