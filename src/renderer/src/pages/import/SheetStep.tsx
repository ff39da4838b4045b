// 选择工作表: the workbook's sheets; choosing another one reads it again from its own header row.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import { formatBytes, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import type { RosterFile } from './import-options';

export function SheetStep({
  file,
  sheets,
  sheet,
  chosenByCore,
  remembered,
  preview,
  failure,
  busy,
  onSheet,
}: {
  /** The core chose the sheet (the clerk did not). */
  chosenByCore: boolean;
  /** The columns were mapped as the clerk mapped the same header before. */
  remembered: boolean;
  file: RosterFile;
  sheets: readonly string[];
  /** The sheet read: the one chosen, or the first the core took. */
  sheet: string | undefined;
  preview: ImportReport | null;
  failure: string | null;
  busy: boolean;
  onSheet: (sheet: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="import-narrow">
      <Form layout="horizontal" labelCol={{ flex: '96px' }} className="import-form" requiredMark={false}>
        <Form.Item label={t('importMembers.sheet.file')}>
          <span className="import-file-name">
            <FileExcelOutlined className="import-file-icon" />
            {file.name}
            <span className="muted import-file-size">{formatBytes(file.bytes.length, lang)}</span>
          </span>
        </Form.Item>
        <Form.Item label={t('importMembers.sheet.sheet')} extra={t('importMembers.sheet.sheetHelp', { count: sheets.length })}>
          <Select<string>
            aria-label={t('importMembers.sheet.sheet')}
            value={sheet}
            disabled={busy}
            options={sheets.map((name) => ({ value: name, label: name }))}
            onChange={onSheet}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
      </Form>
      {preview && (
        <Alert
          className="import-alert"
          type="success"
          showIcon
          title={t('importMembers.sheet.found', { row: preview.headerRow, rows: formatNumber(preview.rows, lang) })}
          description={
            <>
              {chosenByCore && preview.sheets.length > 1 && <div>{t('importMembers.sheet.chosen', { sheet: preview.sheet })}</div>}
              {preview.sheetsSeen.length > 0 && (
                <div>
                  {t('importMembers.sheet.seen', {
                    sheets: preview.sheetsSeen
                      .map((s) => (lang === 'zh-CN' ? `${s.name}（${t(`importMembers.sheet.passed.${s.passed}`)}）` : `${s.name} (${t(`importMembers.sheet.passed.${s.passed}`)})`))
                      .join(lang === 'zh-CN' ? '、' : ', '),
                  })}
                </div>
              )}
              {preview.ignored.length > 0 && <div>{t('importMembers.sheet.ignored', { count: preview.ignored.length })}</div>}
              {remembered && <div>{t('importMembers.sheet.remembered')}</div>}
            </>
          }
        />
      )}
      {failure && <Alert className="import-alert" type="warning" showIcon title={failure} description={t('importMembers.sheet.noHeaderHint')} />}
    </div>
  );
}
