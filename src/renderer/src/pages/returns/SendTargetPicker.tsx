// Where the package goes (or, at the district, where packages are read from): the USB sticks plugged in now
// (first, and chosen by default), the PC's other drives, the folder the last package went to, or any folder —
// the system's folder dialog in the desktop app, a typed path in the browser host. "Refresh" looks again
// after a stick is plugged in.
import { FolderOpenOutlined, HddOutlined, HistoryOutlined, ReloadOutlined, UsbOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendTarget } from '../../../../shared/api/contract-exchange';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';

const OTHER = '__other__';
const ICON = { removable: <UsbOutlined />, fixed: <HddOutlined />, recent: <HistoryOutlined /> } as const;

function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

export function SendTargetPicker({
  value,
  onChange,
  disabled,
  source = 'returns.sendTargets',
  label,
}: {
  value: string;
  onChange: (folder: string) => void;
  disabled?: boolean;
  /** Where the list comes from: a street's places to write to, or a district's places to read packages from. */
  source?: 'returns.sendTargets' | 'district.sourceFolders';
  /** What the field is called (目标文件夹 by default). */
  label?: string;
}) {
  const { t } = useTranslation();
  const name = label ?? t('returns.package.folder');
  const report = useReportError();
  const [targets, setTargets] = useState<SendTarget[] | null>(null);
  const [typing, setTyping] = useState(false);
  const chooser = window.streetdesk?.chooseFolder;

  const scan = useCallback(
    (pickDefault: boolean) =>
      api.call(source, {}).then((found) => {
        setTargets(found);
        // A stick just plugged in is where the package goes; without one, the folder used last time.
        const first = found.find((f) => f.kind === 'removable') ?? found.find((f) => f.kind === 'recent');
        if (pickDefault && first) onChange(first.path);
      }, report),
    [onChange, report, source],
  );

  useEffect(() => {
    void scan(true);
    // Scan once when the picker appears; later scans come from the refresh button.
  }, []);

  const known = targets?.some((x) => x.path === value) ?? false;
  const options = [
    ...(targets ?? []).map((x) => ({
      value: x.path,
      label: (
        <span className={`send-target is-${x.kind}`}>
          {ICON[x.kind]} {t(`returns.target.${x.kind}`)} {x.label}
          {x.freeBytes !== null && <span className="send-target-free">{t('returns.target.free', { size: gigabytes(x.freeBytes) })}</span>}
        </span>
      ),
    })),
    ...(value && !known && !typing ? [{ value, label: <span className="send-target">{value}</span> }] : []),
    { value: OTHER, label: <span className="send-target">{<FolderOpenOutlined />} {t('returns.target.other')}</span> },
  ];

  const pick = (next: string) => {
    if (next !== OTHER) {
      setTyping(false);
      onChange(next);
      return;
    }
    if (chooser) {
      void chooser(t('returns.target.chooseTitle')).then(({ path }) => path && onChange(path), report);
    } else {
      setTyping(true);
      onChange('');
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      {typing ? (
        <Input
          size="small"
          autoFocus
          placeholder={t('returns.package.folderPlaceholder')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-label={name}
          disabled={disabled}
        />
      ) : (
        <Select
          size="small"
          style={{ flex: 1, minWidth: 0 }}
          value={value || undefined}
          placeholder={targets && !targets.some((x) => x.kind === 'removable') ? t('returns.target.noStick') : name}
          loading={targets === null}
          options={options}
          onChange={pick}
          aria-label={name}
          disabled={disabled}
          popupMatchSelectWidth={false}
        />
      )}
      <Tooltip title={t('returns.target.refresh')}>
        <Button size="small" icon={<ReloadOutlined />} aria-label={t('returns.target.refresh')} disabled={disabled} onClick={() => void scan(!value)} />
      </Tooltip>
    </Space.Compact>
  );
}
