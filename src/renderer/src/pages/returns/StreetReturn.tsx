// The street's monthly return: the tables with notes, draft → checked → finalized (reopen is logged and
// raises the version), the signed package built, then sent to a folder (USB stick) or uploaded; the
// district's receipt is shown on the package.
import { CheckOutlined, CloudUploadOutlined, DownloadOutlined, FileProtectOutlined, LockOutlined, UndoOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Input, Space, Spin, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeKeysInfo, PackageInfo, ReturnInfo } from '../../../../shared/api/contract-exchange';
import type { ReturnTableId } from '../../../../shared/returns/tables';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FileName } from '../../components/FileName';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { errorText, useReportError } from '../../lib/errors';
import { formatDateTime, formatMonth } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useCommunityScope } from '../../lib/scope';
import { saveBytes } from '../import/import-options';
import { lastMonth } from './ReturnsPage';
import { ExchangeSettingsCard } from './ExchangeSettingsCard';
import { FinalizeConfirm } from './FinalizeConfirm';
import { ReturnTableView } from './ReturnTableView';
import { SendTargetPicker } from './SendTargetPicker';

const STATE_COLOR = { draft: 'default', checked: 'processing', finalized: 'success' } as const;

function NoteEditor({ info, table, onSaved }: { info: ReturnInfo; table: ReturnTableId; onSaved: (next: ReturnInfo) => void }) {
  const { t } = useTranslation();
  const report = useReportError();
  const saved = info.notes[table] ?? '';
  const [text, setText] = useState(saved);
  if (info.state === 'finalized') return saved ? <div className="return-note">{t('returns.note')}：{saved}</div> : null;
  return (
    <div className="return-note">
      <Input.TextArea aria-label={t('returns.note')} placeholder={t('returns.notePlaceholder')} autoSize={{ minRows: 1, maxRows: 4 }} value={text} onChange={(e) => setText(e.target.value)} />
      <Button disabled={text === saved} onClick={() => api.call('returns.saveNote', { period: info.period, table, note: text }).then(onSaved, report)}>
        {t('returns.saveNote')}
      </Button>
    </div>
  );
}

function PackageItem({ p, keys, canEdit, bytes, onChanged }: { p: PackageInfo; keys: ExchangeKeysInfo; canEdit: boolean; bytes?: Uint8Array; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const lang = currentLanguage();
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (job: () => Promise<unknown>, done: string) => {
    setBusy(true);
    job()
      .then(() => {
        void message.success(done);
        onChanged();
      }, report)
      .finally(() => setBusy(false));
  };
  const receipt = p.receipt?.receipt;
  return (
    <div className="package-item">
      <div className="package-name"><FileName name={p.fileName} /></div>
      <div className="package-meta">
        {t('returns.package.meta', { version: p.version, at: formatDateTime(p.builtAt, lang), members: p.counts.members ?? 0 })}
        {p.encrypted && <Tag icon={<LockOutlined />}>{t('returns.package.encrypted')}</Tag>}
        <div>SHA-256 {p.sha256.slice(0, 16)}…</div>
      </div>
      {receipt ? (
        <Tag color={p.receiptVerified ? 'success' : 'warning'}>
          {t(p.receiptVerified ? 'returns.package.receipt' : 'returns.package.receiptUnchecked', { district: receipt.districtName, at: formatDateTime(receipt.receivedAt, lang) })}
        </Tag>
      ) : p.sentVia === 'folder' ? (
        <Tag color="success">{t('returns.package.sentFolder', { to: p.sentTo })}</Tag>
      ) : (
        <Tag>{t('returns.package.notSent')}</Tag>
      )}
      {canEdit && (
        <div className="package-send">
          <SendTargetPicker value={folder} onChange={setFolder} disabled={busy} />
          <div className="package-send-buttons">
            <Button size="small" icon={<UsbOutlined />} disabled={!folder.trim() || busy} onClick={() => run(() => api.call('returns.sendToFolder', { packageId: p.id, folder }), t('returns.package.folderDone'))}>
              {t('returns.package.toFolder')}
            </Button>
            <Button
              size="small"
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              disabled={!keys.districtUrl || !keys.hasUploadToken}
              title={!keys.districtUrl || !keys.hasUploadToken ? t('returns.package.uploadNotSetUp') : undefined}
              onClick={() => run(() => api.call('returns.upload', { packageId: p.id }), t('returns.package.uploadDone'))}
            >
              {t('returns.package.upload')}
            </Button>
            {bytes && (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => saveBytes(bytes, p.fileName)}>
                {t('returns.package.download')}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function StreetReturn({ keys, reloadKeys, opened }: { keys: ExchangeKeysInfo; reloadKeys: () => Promise<void>; opened?: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const report = useReportError();
  const lang = currentLanguage();
  const { user } = useCurrentSession();
  // The return is the street's: a user limited to one community reads it (the core refuses the rest).
  const communityScope = useCommunityScope();
  const canEdit = hasRole(user.role, 'clerk') && !communityScope;
  // `#/returns/2026-09` (the overview's figures of a past period link here) opens that month.
  const [period, setPeriod] = useState(opened ?? lastMonth());
  const state = useApi('returns.get', { period }, [period]);
  const [override, setOverride] = useState<ReturnInfo | null>(null);
  const [encrypt, setEncrypt] = useState(true);
  // Without the district's key a package with personal data is built plain only by this explicit choice.
  const [plainChosen, setPlainChosen] = useState(false);
  const [built, setBuilt] = useState<{ id: number; bytes: Uint8Array } | null>(null);
  const reason = useRef('');
  const info = override && override.period === period ? override : state.data;
  const refresh = () => {
    setOverride(null);
    void state.reload();
  };
  const act = (job: Promise<ReturnInfo>) => job.then(setOverride, report);

  const reopen = () =>
    modal.confirm({
      title: t('returns.reopenTitle'),
      content: <Input.TextArea aria-label={t('returns.reopenReason')} placeholder={t('returns.reopenReason')} onChange={(e) => (reason.current = e.target.value)} />,
      okText: t('returns.reopen'),
      onOk: () => act(api.call('returns.reopen', { period, reason: reason.current })),
    });

  const finalize = (current: ReturnInfo) =>
    modal.confirm({
      title: t('returns.finalizeConfirm.title', { month: formatMonth(current.period, lang) }),
      width: 520,
      content: <FinalizeConfirm info={current} />,
      okText: t('returns.finalizeConfirm.ok'),
      onOk: () => act(api.call('returns.finalize', { period: current.period })),
    });
  const canEncrypt = !!keys.district?.canEncrypt;
  const members = info?.tables.find((tb) => tb.id === 'membersByCommunity')?.total.total ?? 0;
  const canBuild = (canEncrypt && encrypt) || plainChosen || members === 0;

  return (
    <div className="page returns-page">
      <PageHeader
        title={t('returns.title')}
        description={t('returns.description')}
        extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('returns.period')} />}
      />
      {communityScope && <Alert className="read-only-notice" type="info" showIcon title={t('returns.scopeReadOnly', { community: communityScope.name })} />}
      {state.error ? <div className="load-error">{errorText(state.error)}</div> : null}
      {!info ? (
        <Spin />
      ) : (
        <div className="returns-grid">
          <Card className="panel">
            <div className="returns-toolbar" style={{ marginBottom: 12 }}>
              <Tag color={STATE_COLOR[info.state]}>{t(`returns.state.${info.state}`)}</Tag>
              <span>{t('returns.version', { version: info.version })}</span>
              {info.frozenAt && <span className="package-meta">{t('returns.frozenAt', { at: formatDateTime(info.frozenAt, lang) })}</span>}
              <span style={{ flex: 1 }} />
              {canEdit && info.state === 'draft' && (
                <Button icon={<CheckOutlined />} onClick={() => act(api.call('returns.check', { period }))}>
                  {t('returns.check')}
                </Button>
              )}
              {canEdit && info.state === 'checked' && (
                <Button type="primary" icon={<FileProtectOutlined />} onClick={() => finalize(info)}>
                  {t('returns.finalize')}
                </Button>
              )}
              {canEdit && info.state !== 'draft' && (
                <Button icon={<UndoOutlined />} onClick={reopen}>
                  {t('returns.reopen')}
                </Button>
              )}
            </div>
            {info.tables.map((table) => (
              <ReturnTableView key={table.id} table={table} footer={canEdit ? <NoteEditor key={`${period}-${info.version}-${info.state}`} info={info} table={table.id} onSaved={setOverride} /> : null} />
            ))}
          </Card>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card className="panel" title={t('returns.package.title')}>
              {canEdit && info.state === 'finalized' && (
                <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
                  {canEncrypt ? (
                    <Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)}>
                      {t('returns.package.encryptTo', { district: keys.district?.name })}
                    </Checkbox>
                  ) : (
                    <Alert type="warning" showIcon title={t('returns.package.noDistrictKey')} description={t('returns.package.importKeyHint')} />
                  )}
                  {members > 0 && !(canEncrypt && encrypt) && (
                    <Checkbox checked={plainChosen} onChange={(e) => setPlainChosen(e.target.checked)}>
                      {t('returns.package.plainChoice', { members })}
                    </Checkbox>
                  )}
                  <Button
                    type="primary"
                    block
                    disabled={!canBuild}
                    title={canBuild ? undefined : t('returns.package.plainNeedsChoice')}
                    onClick={() =>
                      api.call('returns.build', { period, encrypt: canEncrypt && encrypt, unencrypted: !(canEncrypt && encrypt) && plainChosen }).then((r) => {
                        setBuilt({ id: r.package.id, bytes: r.bytes });
                        setPlainChosen(false);
                        refresh();
                      }, report)
                    }
                  >
                    {t('returns.package.build')}
                  </Button>
                </Space>
              )}
              {info.state !== 'finalized' && <div className="package-meta">{t('returns.package.needFinalized')}</div>}
              {info.packages.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('returns.package.none')} />
              ) : (
                info.packages.map((p) => <PackageItem key={p.id} p={p} keys={keys} canEdit={canEdit} bytes={built?.id === p.id ? built.bytes : undefined} onChanged={refresh} />)
              )}
            </Card>
            {hasRole(user.role, 'admin') && <ExchangeSettingsCard keys={keys} onChanged={() => void reloadKeys()} />}
            <Card className="panel" title={t('returns.history')}>
              {info.log.length === 0 ? (
                <div className="package-meta">{t('returns.noHistory')}</div>
              ) : (
                <Timeline
                  items={info.log.map((l) => ({
                    children: `${formatDateTime(l.at, lang)} ${l.by} ${t(`returns.action.${l.action}`)} v${l.version}${l.reason ? `：${l.reason}` : ''}`,
                  }))}
                />
              )}
            </Card>
          </Space>
        </div>
      )}
    </div>
  );
}
