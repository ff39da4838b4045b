// The kind of a backup file as a small tag: 每日 / 手动 / 恢复前.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupKind } from '../../../shared/api/contract';

const COLORS: Record<BackupKind, string> = { daily: 'default', manual: 'blue', 'pre-restore': 'gold' };

export function BackupKindTag({ kind }: { kind: BackupKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[kind]} variant="filled">
      {t(`backup.kinds.${kind}`)}
    </Tag>
  );
}
