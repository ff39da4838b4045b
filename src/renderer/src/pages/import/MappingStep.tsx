// 核对表头与列对应: the header row the core found (the clerk may point at another), and each column of the
// file with the member field it fills. Any change is checked again at once by a new dry run.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/api/schemas';
import { COMMUNITY_COLUMN, MEMBER_FIELDS } from '../../../../shared/members/fields';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { REQUIRED_FIELDS, memberFieldLabel, missingRequired, rejectedRowCount } from './import-options';

type Column = ImportReport['columns'][number];

/** The select's value for 不导入 (antd shows a null value as empty). */
const SKIP = '';

interface FieldOption {
  value: string;
  label: React.ReactNode;
  search: string;
}

function fieldOptions(lang: Language, columns: readonly Column[], own: Column, t: (key: string) => string) {
  const holder = new Map(columns.filter((c) => c.field && c.index !== own.index).map((c) => [c.field as string, c.letter]));
  const option = (key: string, required: boolean): FieldOption => {
    const name = memberFieldLabel(key, lang);
    const other = holder.get(key);
    return {
      value: key,
      search: name,
      label: (
        <span className="import-field-option">
          <span>{name}</span>
          {required && <span className="import-required">{t('importMembers.mapping.required')}</span>}
          {other && <span className="import-field-taken">{other}</span>}
        </span>
      ),
    };
  };
  return [
    { value: SKIP, search: t('importMembers.mapping.skip'), label: <span className="muted">{t('importMembers.mapping.skip')}</span> },
    {
      label: t('importMembers.mapping.groupNational'),
      options: MEMBER_FIELDS.filter((f) => f.national).map((f) => option(f.key, f.required)),
    },
    {
      label: t('importMembers.mapping.groupCommunity'),
      options: [COMMUNITY_COLUMN, ...MEMBER_FIELDS.filter((f) => !f.national)].map((f) => option(f.key, f.required)),
    },
  ];
}

export function MappingStep({
  preview,
  failure,
  headerRow,
  busy,
  onHeaderRow,
  onMap,
}: {
  preview: ImportReport | null;
  failure: string | null;
  /** The header row the clerk set, if any. */
  headerRow: number | undefined;
  busy: boolean;
  onHeaderRow: (row: number) => void;
  onMap: (column: Column, field: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shownRow = headerRow ?? preview?.headerRow ?? null;
  const [typedRow, setTypedRow] = useState<number | null>(shownRow);
  useEffect(() => setTypedRow(shownRow), [shownRow]);

  const missing = preview ? missingRequired(preview) : [];
  const columns = useMemo(() => preview?.columns ?? [], [preview]);

  return (
    <div className="import-mapping">
      <div className="import-header-row">
        <span className="import-header-row-label">{t('importMembers.mapping.headerRow')}</span>
        <Space.Compact>
          <InputNumber<number>
            aria-label={t('importMembers.mapping.headerRow')}
            min={1}
            max={50}
            precision={0}
            value={typedRow}
            disabled={busy}
            prefix={t('importMembers.mapping.headerRowPrefix')}
            suffix={t('importMembers.mapping.headerRowSuffix') || undefined}
            onChange={(value) => setTypedRow(value)}
            onPressEnter={() => typedRow && onHeaderRow(typedRow)}
            style={{ width: 130 }}
          />
          <Button icon={<ReloadOutlined />} disabled={busy || !typedRow || typedRow === shownRow} onClick={() => typedRow && onHeaderRow(typedRow)}>
            {t('importMembers.mapping.apply')}
          </Button>
        </Space.Compact>
        {preview && <span className="muted import-header-row-help">{t('importMembers.mapping.headerRowHelp', { row: preview.headerRow })}</span>}
      </div>
      {failure && <Alert className="import-alert" type="warning" showIcon title={failure} />}
      {preview && missing.length > 0 && (
        <Alert
          className="import-alert"
          type="warning"
          showIcon
          title={t('importMembers.mapping.missing', { fields: missing.map((key) => memberFieldLabel(key, lang)).join(lang === 'zh-CN' ? '、' : ', ') })}
        />
      )}
      {preview && (
        <>
          <div className="import-mapping-summary">
            <span>
              {t('importMembers.mapping.summary', {
                rows: formatNumber(preview.rows, lang),
                accepted: formatNumber(preview.accepted, lang),
                rejected: formatNumber(rejectedRowCount(preview), lang),
              })}
            </span>
            <span className="muted">{t('importMembers.mapping.hint')}</span>
          </div>
          <Table<Column>
            className="import-mapping-table"
            size="small"
            rowKey="index"
            dataSource={columns}
            pagination={false}
            scroll={{ y: 420 }}
            rowClassName={(column) => (column.field ? '' : 'import-column-skipped')}
            columns={[
              {
                key: 'letter',
                title: t('importMembers.mapping.letter'),
                dataIndex: 'letter',
                width: 72,
                align: 'center',
                render: (letter: string) => <span className="import-letter">{letter}</span>,
              },
              {
                key: 'header',
                title: t('importMembers.mapping.header'),
                dataIndex: 'header',
                render: (header: string) => (header ? <span className="import-header-text">{header}</span> : <span className="muted">{t('importMembers.mapping.emptyHeader')}</span>),
              },
              {
                key: 'field',
                title: t('importMembers.mapping.field'),
                width: 320,
                render: (_: unknown, column) => (
                  <Select<string>
                    aria-label={t('importMembers.mapping.fieldOf', { letter: column.letter })}
                    className="import-field-select"
                    value={column.field ?? SKIP}
                    disabled={busy}
                    showSearch={{ optionFilterProp: 'search' }}
                    options={fieldOptions(lang, columns, column, t)}
                    labelRender={({ value }) => (value === SKIP ? <span className="muted">{t('importMembers.mapping.skip')}</span> : memberFieldLabel(String(value), lang))}
                    onChange={(value) => onMap(column, value === SKIP ? null : value)}
                    popupMatchSelectWidth={280}
                    listHeight={320}
                  />
                ),
              },
              {
                key: 'state',
                title: '',
                width: 64,
                align: 'center',
                render: (_: unknown, column) =>
                  column.field && REQUIRED_FIELDS.includes(column.field) ? (
                    <Tag variant="filled" color="red" className="import-required-tag">
                      {t('importMembers.mapping.required')}
                    </Tag>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
