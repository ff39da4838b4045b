// 选择文件: an .xlsx picked or dropped is read into memory and checked at once (a dry run, nothing written).
import { CheckCircleOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

export function FileStep({
  fileName,
  failure,
  busy,
  onFile,
}: {
  fileName: string | null;
  /** Why the file chosen last could not be read, in the user's words. */
  failure: string | null;
  busy: boolean;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  const habits = t('importMembers.file.habits', { returnObjects: true }) as string[];
  return (
    <div className="import-file-step">
      <Upload.Dragger
        accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          return Upload.LIST_IGNORE;
        }}
        className="import-dragger"
      >
        <p className="ant-upload-drag-icon">{fileName ? <FileExcelOutlined /> : <InboxOutlined />}</p>
        <p className="ant-upload-text">{fileName ?? t('importMembers.file.drop')}</p>
        <p className="ant-upload-hint">{t('importMembers.file.dropHint')}</p>
      </Upload.Dragger>
      {failure && <Alert className="import-alert" type="error" showIcon title={t('importMembers.failed')} description={failure} />}
      <div className="import-habits">
        <div className="import-habits-title">{t('importMembers.file.habitsTitle')}</div>
        <ul>
          {habits.map((habit) => (
            <li key={habit}>
              <CheckCircleOutlined className="import-habit-icon" />
              {habit}
            </li>
          ))}
        </ul>
        <div className="muted import-habits-foot">{t('importMembers.file.nothingWritten')}</div>
      </div>
    </div>
  );
}
