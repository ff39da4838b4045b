// 备份与恢复: the backup files, 立即备份 with live progress, and (administrators) restore from a listed
// backup or from a file. A restore ends every session, so the user is taken back to login.
import { CloudDownloadOutlined, FolderOpenOutlined, ReloadOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Table } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../shared/api/contract';
import type { ApiInput } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession, useSession } from '../../app/session';
import { BackupKindTag } from '../../components/BackupKindTag';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { errorText, useReportError } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

interface Job {
  jobId: string | null;
  done: number;
  total: number;
}

export function BackupTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const { endSession } = useSession();
  const canBackup = hasRole(user.role, 'clerk');
  const canRestore = hasRole(user.role, 'admin');
  const list = useApi('backup.list');
  const [job, setJob] = useState<Job | null>(null);
  const [restoring, setRestoring] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const jobRunning = useRef(false);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.method !== 'backup.create' || !jobRunning.current) return;
        setJob({ jobId: event.jobId, done: event.done, total: event.total });
      }),
    [],
  );

  const backupNow = async () => {
    jobRunning.current = true;
    setJob({ jobId: null, done: 0, total: 0 });
    try {
      const file = await api.call('backup.create');
      void message.success(t('backup.created', { name: file.name }));
      await list.reload();
    } catch (error) {
      report(error);
    } finally {
      jobRunning.current = false;
      setJob(null);
    }
  };

  const cancelJob = async () => {
    if (!job?.jobId) return;
    try {
      await api.call('jobs.cancel', { jobId: job.jobId });
    } catch (error) {
      report(error);
    }
  };

  const restore = (label: string, input: ApiInput<'backup.restore'>) => {
    modal.confirm({
      title: t('backup.confirmTitle'),
      icon: <WarningOutlined className="warning-icon" />,
      width: 480,
      content: (
        <div className="restore-confirm">
          <p>{t('backup.confirmBody', { name: label })}</p>
          <p>{t('backup.confirmSafety')}</p>
          <p className="strong">{t('backup.confirmLogout')}</p>
        </div>
      ),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRestoring(true);
        try {
          await api.call('backup.restore', input);
          void message.success(t('backup.restored', { name: label }), 6);
          endSession('restored');
        } catch (error) {
          report(error);
          setRestoring(false);
        }
      },
    });
  };

  const onFilePicked = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    restore(file.name, { kind: 'upload', fileName: file.name, bytes });
  };

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const backups = [...(list.data?.backups ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="tab-body">
      {!canBackup && <ReadOnlyNotice role={user.role} />}
      <div className="toolbar">
        <Space wrap>
          {canBackup && (
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={job !== null} onClick={() => void backupNow()}>
              {job ? t('backup.running') : t('backup.now')}
            </Button>
          )}
          {canRestore && (
            <Button icon={<UploadOutlined />} disabled={restoring || job !== null} onClick={() => fileInput.current?.click()}>
              {t('backup.restoreFromFile')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
            {t('common.refresh')}
          </Button>
        </Space>
        {list.data && (
          <span className="muted backup-folder" title={list.data.folder}>
            <FolderOpenOutlined /> {t('backup.folder')}：<span className="mono">{list.data.folder}</span>
          </span>
        )}
      </div>
      <input ref={fileInput} type="file" accept=".db,application/octet-stream" hidden onChange={(e) => void onFilePicked(e)} data-testid="restore-file" />
      {job && (
        <div className="job-progress" role="status">
          <Progress percent={percent} status="active" size="small" />
          {job.jobId && (
            <Button size="small" onClick={() => void cancelJob()}>
              {t('backup.cancelJob')}
            </Button>
          )}
        </div>
      )}
      {canRestore ? (
        <Alert className="tab-hint" type="warning" showIcon title={t('backup.restoreHint')} />
      ) : (
        <div className="muted tab-hint-text">{t('backup.adminOnlyRestore')}</div>
      )}
      {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
      <Table<BackupFile>
        size="middle"
        rowKey="name"
        loading={list.loading}
        dataSource={backups}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('backup.empty') }}
        columns={[
          { key: 'name', title: t('backup.name'), dataIndex: 'name', render: (v: string) => <span className="mono">{v}</span> },
          { key: 'kind', title: t('backup.kind'), dataIndex: 'kind', width: 110, render: (v: BackupFile['kind']) => <BackupKindTag kind={v} /> },
          { key: 'size', title: t('backup.size'), dataIndex: 'size', width: 110, align: 'right', render: (v: number) => formatBytes(v, lang) },
          { key: 'createdAt', title: t('backup.createdAt'), dataIndex: 'createdAt', width: 190, render: (v: string) => formatDateTime(v, lang) },
          ...(canRestore
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 100,
                  render: (_: unknown, row: BackupFile) => (
                    <Button type="link" size="small" disabled={restoring || job !== null} onClick={() => restore(row.name, { kind: 'backup', name: row.name })}>
                      {t('backup.restore')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
