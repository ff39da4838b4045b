// The row of actions over the members grid: add (form or blank row), the member's record, leaving the
// roll, undo/redo, export. A viewer sees the record and export only.
import { DownloadOutlined, FileTextOutlined, PrinterOutlined, PlusOutlined, QuestionCircleOutlined, RedoOutlined, TableOutlined, UndoOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Divider, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditingState } from './member-editing';

export interface ToolbarActions {
  onAdd: () => void;
  onAddRow: () => void;
  onDetail: () => void;
  onLeave: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onExport: () => void;
  onPrint: () => void;
}

export function MemberToolbar({
  state,
  canEdit,
  exporting,
  actions,
  printable = true,
}: {
  state: EditingState | null;
  canEdit: boolean;
  exporting: boolean;
  actions: ToolbarActions;
  /** The roster prints the roll; the history roll is exported, not printed. */
  printable?: boolean;
}) {
  const { t } = useTranslation();
  const key = (k: string) => t(`memberEdit.toolbar.${k}`);
  return (
    <div className="members-toolbar" role="toolbar">
      <Space size={6} wrap>
        {canEdit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={actions.onAdd}>
              {key('add')}
            </Button>
            <Button icon={<TableOutlined />} onClick={actions.onAddRow}>
              {key('addRow')}
            </Button>
          </>
        )}
        <Button icon={<FileTextOutlined />} onClick={actions.onDetail}>
          {key('detail')}
        </Button>
        {canEdit && (
          <>
            <Button icon={<UserDeleteOutlined />} onClick={actions.onLeave}>
              {key('leave')}
            </Button>
            <Divider orientation="vertical" />
            <Tooltip title={`${key('undo')} (Ctrl+Z)`}>
              <Button icon={<UndoOutlined />} disabled={!state?.canUndo || !!state.busy} onClick={actions.onUndo} aria-label={key('undo')} />
            </Tooltip>
            <Tooltip title={`${key('redo')} (Ctrl+Y)`}>
              <Button icon={<RedoOutlined />} disabled={!state?.canRedo || !!state.busy} onClick={actions.onRedo} aria-label={key('redo')} />
            </Tooltip>
          </>
        )}
        <Divider orientation="vertical" />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={actions.onExport}>
          {exporting ? key('exporting') : key('export')}
        </Button>
        {printable && (
          <Button icon={<PrinterOutlined />} onClick={actions.onPrint}>
            {t('print.roster.open')}
          </Button>
        )}
      </Space>
      {canEdit && (
        <Tooltip title={key('editHint')} placement="bottomRight">
          <QuestionCircleOutlined className="members-edit-hint" aria-label={key('editHint')} />
        </Tooltip>
      )}
    </div>
  );
}
