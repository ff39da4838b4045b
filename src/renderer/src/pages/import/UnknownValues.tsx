// 未识别的值: coded words the code tables do not know (学历 电大), once each with how many rows hold them. The
// clerk picks the code each one means; saving stores the mapping (codes.mapValues) for this and every later
// import, and the dry run runs again. 提醒: what may be imported but is worth a second look.
import { App, Button, Empty, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useReportError } from '../../lib/errors';

type Unknown = ImportReport['unknownValues'][number];
type Warning = ImportReport['warnings'][number];

export function UnknownValuesTable({ unknown, busy, onSaved }: { unknown: readonly Unknown[]; busy: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const codes = useApi('codes.list');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const key = (u: Unknown) => `${u.table}\u0000${u.value}`;
  const rows = useMemo(() => unknown.map((u) => ({ ...u, key: key(u) })), [unknown]);
  const chosen = rows.filter((r) => picked[r.key]);

  const save = async () => {
    setSaving(true);
    try {
      const result = await api.call('codes.mapValues', { mappings: chosen.map((r) => ({ table: r.table, text: r.value, code: picked[r.key] })) });
      void message.success(t('importMembers.dryRun.unknownSaved', { count: result.saved }));
      setPicked({});
      onSaved();
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };

  if (unknown.length === 0) return <Empty className="import-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importMembers.dryRun.noUnknown')} />;
  return (
    <div className="import-unknown">
      <p className="muted import-unknown-intro">{t('importMembers.dryRun.unknownIntro')}</p>
      <Table
        size="small"
        className="import-unknown-table"
        dataSource={rows}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        columns={[
          { key: 'column', title: t('importMembers.dryRun.unknownColumn'), dataIndex: 'column', width: 160 },
          { key: 'value', title: t('importMembers.dryRun.unknownValue'), dataIndex: 'value', render: (v: string) => <span className="mono">{v}</span> },
          { key: 'count', title: t('importMembers.dryRun.unknownCount'), dataIndex: 'count', width: 90, align: 'right' },
          {
            key: 'map',
            title: t('importMembers.dryRun.unknownMapTo'),
            width: 260,
            render: (_: unknown, row) => (
              <Select<string>
                aria-label={`${row.column} ${row.value} ${t('importMembers.dryRun.unknownMapTo')}`}
                showSearch
                optionFilterProp="label"
                placeholder={t('importMembers.dryRun.unknownPick')}
                value={picked[row.key]}
                disabled={busy || saving}
                style={{ width: '100%' }}
                options={(codes.data?.[row.table] ?? []).filter((c) => !c.retired).map((c) => ({ value: c.code, label: c.label }))}
                onChange={(code) => setPicked((p) => ({ ...p, [row.key]: code }))}
              />
            ),
          },
        ]}
      />
      <div className="import-unknown-actions">
        <Button type="primary" disabled={busy || chosen.length === 0} loading={saving} onClick={() => void save()}>
          {t('importMembers.dryRun.unknownSave')}
        </Button>
      </div>
    </div>
  );
}

export function WarningsTable({ warnings }: { warnings: readonly Warning[] }) {
  const { t } = useTranslation();
  const rows = useMemo(() => warnings.map((w, i) => ({ ...w, key: i })), [warnings]);
  if (warnings.length === 0) return <Empty className="import-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importMembers.dryRun.noWarnings')} />;
  return (
    <div>
      <p className="muted import-unknown-intro">{t('importMembers.dryRun.warningsIntro')}</p>
      <Table
        size="small"
        className="import-warnings-table"
        dataSource={rows}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        columns={[
          { key: 'row', title: t('importMembers.dryRun.row'), dataIndex: 'row', width: 104, align: 'right', render: (row: number) => <span className="mono">{row}</span> },
          { key: 'column', title: t('importMembers.dryRun.column'), width: 200, render: (_: unknown, w) => (w.letter ? `${w.letter} ${w.column}` : w.column) },
          { key: 'value', title: t('importMembers.dryRun.value'), dataIndex: 'value', width: 140, render: (v: unknown) => <span className="mono">{v === null || v === undefined ? '' : String(v)}</span> },
          { key: 'reason', title: t('importMembers.dryRun.reason'), render: (_: unknown, w) => (w.message.startsWith(w.column) ? w.message.slice(w.column.length).replace(/^[：:\s]+/, '') : w.message) },
        ]}
      />
    </div>
  );
}
