// The district's side: packages received from files (a USB stick) or uploads, each verified with the
// reason it was refused; the period consolidated across the streets (one row per street, who is missing)
// with a drill-down to a street's own tables; the district report.
import { CloudUploadOutlined, FileExcelOutlined, InboxOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, List, Space, Spin, Tabs, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeKeysInfo, ImportOutcome } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FileName } from '../../components/FileName';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { errorText, useReportError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { saveBytes } from '../import/import-options';
import { DistrictStreetsCard } from './DistrictStreetsCard';
import { lastMonth } from './ReturnsPage';
import { ReturnTableView } from './ReturnTableView';
import { SendTargetPicker } from './SendTargetPicker';

export function DistrictReturns({ keys, opened = {} }: { keys: ExchangeKeysInfo; opened?: { period?: string; code?: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const lang = currentLanguage();
  const { user } = useCurrentSession();
  const canImport = hasRole(user.role, 'clerk');
  const [period, setPeriod] = useState(opened.period ?? lastMonth());
  const consolidated = useApi('district.consolidate', { period }, [period]);
  const received = useApi('district.packages', { period }, [period]);
  const streets = useApi('district.streets', {});
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [street, setStreet] = useState<string | null>(opened.code ?? null);
  const c = consolidated.data;
  const drill = c?.streets.find((s) => s.code === street);

  const [folder, setFolder] = useState('');
  const [reading, setReading] = useState(false);

  const receiveAll = async (receive: () => Promise<ImportOutcome[]>) => {
    try {
      const result = await receive();
      setOutcomes(result);
      const bad = result.filter((o) => o.status === 'rejected').length;
      if (bad) void message.warning(t('district.importSomeRejected', { count: bad }));
      else void message.success(t('district.importDone', { count: result.length }));
      void consolidated.reload();
      void received.reload();
    } catch (error) {
      report(error);
    }
  };

  const importFiles = async (files: File[]) => {
    const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await receiveAll(() => api.call('district.import', { files: payload }));
  };

  // The district's month for the city: its tables and each street's, signed; saved where the browser saves.
  const [building, setBuilding] = useState(false);
  const buildForCity = async () => {
    setBuilding(true);
    try {
      const built = await api.call('districtReturn.build', { period });
      saveBytes(built.bytes, built.package.fileName);
      void message.success(t('city.builtForCity', { version: built.package.version, file: built.package.fileName }));
    } catch (error) {
      report(error);
    } finally {
      setBuilding(false);
    }
  };

  // The latest package of the period for the city, uploaded to the city's address over its pinned
  // certificate (set with `exchange set --city-url` and the city's key file); the city's receipt kept.
  const [uploading, setUploading] = useState(false);
  const uploadReady = keys.districtUrl !== '' && keys.hasUploadToken;
  const uploadToCity = async () => {
    setUploading(true);
    try {
      const [latest] = await api.call('districtReturn.list', { period });
      if (!latest) {
        void message.warning(t('city.uploadNothingBuilt', { period }));
        return;
      }
      const sent = await api.call('districtReturn.upload', { packageId: latest.id });
      void message.success(t('city.uploadedToCity', { version: sent.package.version, city: sent.receipt.receipt.districtName }));
    } catch (error) {
      report(error);
    } finally {
      setUploading(false);
    }
  };

  const importFolder = async () => {
    setReading(true);
    await receiveAll(() => api.call('district.importFolder', { folder }));
    setReading(false);
  };

  return (
    <div className="page returns-page">
      <PageHeader
        title={t('district.title', { name: keys.name })}
        description={t('district.description')}
        extra={
          <Space>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('returns.period')} />
            <Button icon={<FileExcelOutlined />} onClick={() => api.call('district.report', { period }).then((r) => saveBytes(r.bytes, r.fileName), report)}>
              {t('district.report')}
            </Button>
            {canImport && (
              <Button icon={<CloudUploadOutlined />} loading={building} onClick={() => void buildForCity()}>
                {t('city.buildForCity')}
              </Button>
            )}
            {canImport && (
              <Button type="primary" icon={<CloudUploadOutlined />} loading={uploading} disabled={!uploadReady} title={uploadReady ? undefined : t('city.uploadNotSetUp')} onClick={() => void uploadToCity()}>
                {t('city.uploadToCity')}
              </Button>
            )}
          </Space>
        }
      />
      <div className="returns-grid">
        <Card className="panel">
          {consolidated.error ? <div className="load-error">{errorText(consolidated.error)}</div> : null}
          {streets.data?.length === 0 && <Alert className="district-no-streets" type="info" showIcon title={t('district.streets.noneYet')} description={t('district.streets.noneYetHelp')} />}
          {!c ? (
            <Spin />
          ) : (
            <>
              <div className="returns-toolbar" style={{ marginBottom: 12 }}>
                <span>{t('district.sentCount', { sent: c.streets.length - c.missing.length, all: c.streets.length })}</span>
                {c.missing.map((m) => (
                  <Tag key={m.code} color="warning">
                    {t('district.missing', { name: m.name })}
                  </Tag>
                ))}
              </div>
              {c.tables.map((table) => (
                <ReturnTableView key={table.id} table={table} rowsBy="street" onRowClick={(row) => setStreet(row.key)} />
              ))}
            </>
          )}
        </Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          {canImport && (
            <Card className="panel" title={t('district.receive')}>
              <Upload.Dragger multiple showUploadList={false} beforeUpload={(_file, list) => (list[list.length - 1] === _file ? (void importFiles(list), false) : false)} accept=".zip,.sealed">
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('district.drop')}</p>
              </Upload.Dragger>
              <div className="district-folder-import">
                <span className="muted">{t('district.fromFolder')}</span>
                <SendTargetPicker source="district.sourceFolders" label={t('district.sourceFolder')} value={folder} onChange={setFolder} disabled={reading} />
                <Button size="small" type="primary" icon={<UsbOutlined />} loading={reading} disabled={!folder.trim()} onClick={() => void importFolder()}>
                  {t('district.readFolder')}
                </Button>
              </div>
              {outcomes.length > 0 && (
                <List
                  size="small"
                  dataSource={outcomes}
                  renderItem={(o) => (
                    <List.Item>
                      <div>
                        <div className="package-name"><FileName name={o.fileName} /></div>
                        {o.status === 'rejected' ? <div className="outcome-rejected">{t('district.rejected')}：{o.message}</div> : <Tag color={o.status === 'duplicate' ? 'default' : 'success'}>{t(`district.outcome.${o.status}`, { version: o.version })}</Tag>}
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
          <Card className="panel" title={t('district.packages')}>
            <Tabs
              items={[
                {
                  key: 'received',
                  label: t('district.receivedTab'),
                  children: received.data?.packages.length ? (
                    <List
                      size="small"
                      dataSource={received.data.packages}
                      renderItem={(p) => (
                        <List.Item>
                          <div>
                            <div className="package-name">
                              {p.streetName} v{p.version} {p.current ? <Tag color="success">{t('district.current')}</Tag> : <Tag>{t('district.replaced')}</Tag>}
                            </div>
                            <div className="package-meta">{t('district.receivedMeta', { at: formatDateTime(p.receivedAt, lang), via: t(`district.via.${p.receivedVia}`), members: p.counts.members ?? 0 })}</div>
                          </div>
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('district.noneReceived')} />
                  ),
                },
                {
                  key: 'rejected',
                  label: t('district.rejectedTab', { count: received.data?.rejections.length ?? 0 }),
                  children: (
                    <List
                      size="small"
                      dataSource={received.data?.rejections ?? []}
                      locale={{ emptyText: t('district.noneRejected') }}
                      renderItem={(r) => (
                        <List.Item>
                          <div>
                            <div className="package-name"><FileName name={r.fileName} /></div>
                            <div className="outcome-rejected">
                              {r.code}：{r.message}
                            </div>
                            <div className="package-meta">{formatDateTime(r.at, lang)}</div>
                          </div>
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <DistrictStreetsCard
            streets={streets}
            onChanged={() => {
              void streets.reload();
              void consolidated.reload();
            }}
          />
        </Space>
      </div>
      <Drawer width={900} open={!!drill} onClose={() => setStreet(null)} title={drill ? t('district.drillTitle', { name: drill.name, version: drill.version ?? '—' }) : ''}>
        {drill?.tables ? drill.tables.map((table) => <ReturnTableView key={table.id} table={table} />) : <Empty description={t('district.notSent')} />}
      </Drawer>
    </div>
  );
}
