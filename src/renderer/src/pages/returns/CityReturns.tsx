// The city's side (issue 13): the districts' packages received from files or a folder, each verified with
// the reason it was refused; the period consolidated across the districts (one row per district, who is
// missing), drilling down to a district's streets and from there to a street's own tables; the city report.
import { FileExcelOutlined, InboxOutlined, KeyOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Input, List, Space, Spin, Tabs, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityImportOutcome } from '../../../../shared/api/contract-city';
import type { ExchangeKeysInfo } from '../../../../shared/api/contract-exchange';
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
import { lastMonth } from './ReturnsPage';
import { ReturnTableView } from './ReturnTableView';

export function CityReturns({ keys, opened = {} }: { keys: ExchangeKeysInfo; opened?: { period?: string; code?: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const lang = currentLanguage();
  const { user } = useCurrentSession();
  const canImport = hasRole(user.role, 'clerk');
  const isAdmin = hasRole(user.role, 'admin');
  const [period, setPeriod] = useState(opened.period ?? lastMonth());
  const consolidated = useApi('city.consolidate', { period }, [period]);
  const received = useApi('city.packages', { period }, [period]);
  const districts = useApi('city.districts', {});
  const [outcomes, setOutcomes] = useState<CityImportOutcome[]>([]);
  const [districtCode, setDistrictCode] = useState<string | null>(opened.code ?? null);
  const [streetCode, setStreetCode] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [reading, setReading] = useState(false);
  const c = consolidated.data;
  const district = c?.districts.find((d) => d.code === districtCode);
  const street = district?.streets.find((s) => s.code === streetCode);

  const receiveAll = async (receive: () => Promise<CityImportOutcome[]>) => {
    try {
      const result = await receive();
      setOutcomes(result);
      const bad = result.filter((o) => o.status === 'rejected').length;
      if (bad) void message.warning(t('city.importSomeRejected', { count: bad }));
      else void message.success(t('city.importDone', { count: result.length }));
      void consolidated.reload();
      void received.reload();
    } catch (error) {
      report(error);
    }
  };

  const importFiles = async (files: File[]) => {
    const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await receiveAll(() => api.call('city.import', { files: payload }));
  };

  // A district's key file, as the district exported it: checked to be a district of this city.
  const importKey = (file: File) => {
    void file
      .text()
      .then((text) => api.call('exchange.trustKey', { keyFile: text }))
      .then((trusted) => {
        void message.success(t(trusted.replacedKeyId ? 'city.districts.keyReplaced' : 'city.districts.keyAdded', { name: trusted.name }));
        void districts.reload();
        void consolidated.reload();
      }, report);
    return false;
  };

  const importFolder = async () => {
    setReading(true);
    await receiveAll(() => api.call('city.importFolder', { folder }));
    setReading(false);
  };

  return (
    <div className="page returns-page city-returns">
      <PageHeader
        title={t('city.title', { name: keys.name })}
        description={t('city.description')}
        extra={
          <Space>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('returns.period')} />
            <Button icon={<FileExcelOutlined />} onClick={() => api.call('city.report', { period }).then((r) => saveBytes(r.bytes, r.fileName), report)}>
              {t('city.report')}
            </Button>
          </Space>
        }
      />
      <div className="returns-grid">
        <Card className="panel">
          {consolidated.error ? <div className="load-error">{errorText(consolidated.error)}</div> : null}
          {districts.data?.length === 0 && <Alert type="info" showIcon title={t('city.districts.noneYet')} description={t('city.districts.noneYetHelp')} />}
          {!c ? (
            <Spin />
          ) : (
            <>
              <div className="returns-toolbar" style={{ marginBottom: 12 }}>
                <span>{t('city.sentCount', { sent: c.districts.length - c.missing.length, all: c.districts.length })}</span>
                {c.missing.map((m) => (
                  <Tag key={m.code} color="warning">
                    {t('city.missing', { name: m.name })}
                  </Tag>
                ))}
              </div>
              {c.tables.map((table) => (
                <ReturnTableView key={table.id} table={table} rowsBy="district" onRowClick={(row) => setDistrictCode(row.key)} />
              ))}
            </>
          )}
        </Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          {canImport && (
            <Card className="panel" title={t('city.receive')}>
              <Upload.Dragger multiple showUploadList={false} beforeUpload={(_file, list) => (list[list.length - 1] === _file ? (void importFiles(list), false) : false)} accept=".zip,.sealed">
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('city.drop')}</p>
              </Upload.Dragger>
              <div className="district-folder-import">
                <span className="muted">{t('city.fromFolder')}</span>
                <Input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('city.folderPlaceholder')} disabled={reading} aria-label={t('city.fromFolder')} />
                <Button size="small" type="primary" icon={<UsbOutlined />} loading={reading} disabled={!folder.trim()} onClick={() => void importFolder()}>
                  {t('city.readFolder')}
                </Button>
              </div>
              {outcomes.length > 0 && (
                <List
                  size="small"
                  dataSource={outcomes}
                  renderItem={(o) => (
                    <List.Item>
                      <div>
                        <div className="package-name">
                          <FileName name={o.fileName} />
                        </div>
                        {o.status === 'rejected' ? (
                          <div className="outcome-rejected">
                            {t('city.rejected')}：{o.message}
                          </div>
                        ) : (
                          <Tag color={o.status === 'duplicate' ? 'default' : 'success'}>{t(`city.outcome.${o.status}`, { version: o.version })}</Tag>
                        )}
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
          <Card className="panel" title={t('city.packages')}>
            <Tabs
              items={[
                {
                  key: 'received',
                  label: t('city.receivedTab'),
                  children: received.data?.packages.length ? (
                    <List
                      size="small"
                      dataSource={received.data.packages}
                      renderItem={(p) => (
                        <List.Item>
                          <div>
                            <div className="package-name">
                              {p.districtName} v{p.version} {p.current ? <Tag color="success">{t('city.current')}</Tag> : <Tag>{t('city.replaced')}</Tag>}
                            </div>
                            <div className="package-meta">{t('city.receivedMeta', { at: formatDateTime(p.receivedAt, lang), via: t(`city.via.${p.receivedVia}`), streets: p.counts.streets ?? 0 })}</div>
                          </div>
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('city.noneReceived')} />
                  ),
                },
                {
                  key: 'rejected',
                  label: t('city.rejectedTab', { count: received.data?.rejections.length ?? 0 }),
                  children: (
                    <List
                      size="small"
                      dataSource={received.data?.rejections ?? []}
                      locale={{ emptyText: t('city.noneRejected') }}
                      renderItem={(r) => (
                        <List.Item>
                          <div>
                            <div className="package-name">
                              <FileName name={r.fileName} />
                            </div>
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
          <Card
            className="panel city-districts"
            title={t('city.districts.title')}
            extra={
              isAdmin && (
                <Upload accept=".json" showUploadList={false} beforeUpload={importKey}>
                  <Button size="small" icon={<KeyOutlined />}>
                    {t('city.districts.importKey')}
                  </Button>
                </Upload>
              )
            }
          >
            <List
              size="small"
              dataSource={districts.data ?? []}
              locale={{ emptyText: t('city.districts.noneYet') }}
              renderItem={(d) => (
                <List.Item>
                  <div>
                    <div className="package-name">
                      {d.name}（{d.code.slice(0, 6)}）
                    </div>
                    <div className="package-meta">{t('city.districts.keyId', { keyId: d.keyId })}</div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </div>
      <Drawer
        width={960}
        open={!!district}
        onClose={() => {
          setDistrictCode(null);
          setStreetCode(null);
        }}
        title={district ? t('city.districtTitle', { name: district.name, version: district.version ?? '—' }) : ''}
      >
        {district?.tables ? (
          <div className="city-district">
            <div className="returns-toolbar" style={{ marginBottom: 12 }}>
              <span>{t('city.districtStreets', { sent: district.streets.filter((s) => s.tables).length, all: district.streets.length })}</span>
              {district.streets
                .filter((s) => !s.tables)
                .map((s) => (
                  <Tag key={s.code} color="warning">
                    {t('city.streetMissing', { name: s.name })}
                  </Tag>
                ))}
            </div>
            {district.tables.map((table) => (
              <ReturnTableView key={table.id} table={table} rowsBy="street" onRowClick={(row) => setStreetCode(row.key)} />
            ))}
          </div>
        ) : (
          <Empty description={t('city.notSent')} />
        )}
        <Drawer width={900} open={!!street} onClose={() => setStreetCode(null)} title={street && district ? t('city.streetTitle', { district: district.name, name: street.name, version: street.version ?? '—' }) : ''}>
          {street?.tables ? street.tables.map((table) => <ReturnTableView key={table.id} table={table} />) : <Empty description={t('city.streetNotSent')} />}
        </Drawer>
      </Drawer>
    </div>
  );
}
