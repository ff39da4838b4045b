// 导入完成: what the import wrote (members added and updated, branches created), what it left out, and
// the way on to the members page.
import { DownloadOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import { rejectedRowCount } from './import-options';
import { ImportStats } from './ImportStats';

export function DoneStep({
  result,
  fileName,
  onDownload,
  onMembers,
  onAnother,
}: {
  result: ImportReport;
  fileName: string;
  onDownload: () => void;
  onMembers: () => void;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notImported = rejectedRowCount(result);
  const separator = i18n.language === 'en' ? ', ' : '、';
  return (
    <Result className="import-done" status="success" title={t('importMembers.done.title')} subTitle={t('importMembers.done.subtitle', { file: fileName, sheet: result.sheet })}>
      <div className="import-done-body">
        <ImportStats
          stats={[
            { key: 'created', label: t('importMembers.done.created'), value: result.created, unit: t('importMembers.done.unitMembers'), tone: 'good' },
            { key: 'updated', label: t('importMembers.done.updated'), value: result.updated, unit: t('importMembers.done.unitMembers'), tone: 'neutral' },
            { key: 'branches', label: t('importMembers.done.branches'), value: result.createdBranches.length, unit: t('importMembers.done.unitBranches'), tone: 'neutral' },
            { key: 'notImported', label: t('importMembers.done.notImported'), value: notImported, unit: t('importMembers.done.unitRows'), tone: 'bad' },
          ]}
        />
        {result.createdBranches.length > 0 && (
          <p className="import-done-line">{t('importMembers.done.branchList', { names: result.createdBranches.join(separator) })}</p>
        )}
        {notImported > 0 && <Alert className="import-alert" type="warning" showIcon title={t('importMembers.done.notImportedHint', { count: notImported })} />}
        <div className="import-done-actions">
          <Space wrap>
            <Button type="primary" icon={<TeamOutlined />} onClick={onMembers}>
              {t('importMembers.done.toMembers')}
            </Button>
            {result.rejectedWorkbook && (
              <Button icon={<DownloadOutlined />} onClick={onDownload}>
                {t('importMembers.dryRun.download')}
              </Button>
            )}
            <Button icon={<UploadOutlined />} onClick={onAnother}>
              {t('importMembers.done.another')}
            </Button>
          </Space>
        </div>
      </div>
    </Result>
  );
}
