// 显示列: which member columns the grid shows, grouped as the national 16 items and the community fields.
// The choice is kept per user on this computer for now; layouts saved through the contract come later.
import { DownOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_FIELDS } from '../../../../shared/members/fields';
import { useLanguage } from '../../lib/use-language';
import { memberColumnTitle } from './member-columns';

/** Community fields few clerks need every day: hidden until someone asks for them. */
const DEFAULT_HIDDEN: readonly string[] = ['employerOrg', 'skills', 'nativePlace', 'workStartDate'];

const storageKey = (userId: number) => `streetdesk.members.hiddenColumns.${userId}`;

function readHidden(userId: number): Set<string> {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return new Set(parsed.filter((k): k is string => typeof k === 'string'));
    }
  } catch {
    // Unreadable or unavailable storage: fall back to the default columns.
  }
  return new Set(DEFAULT_HIDDEN);
}

/** The hidden columns of this user, remembered in localStorage. */
export function useHiddenColumns(userId: number): [ReadonlySet<string>, (next: ReadonlySet<string>) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => readHidden(userId));
  const update = useCallback(
    (next: ReadonlySet<string>) => {
      setHidden(next);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify([...next]));
      } catch {
        // Not remembering the choice is harmless.
      }
    },
    [userId],
  );
  return [hidden, update];
}

export function ColumnChooser({ hidden, onChange }: { hidden: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const shown = MEMBER_FIELDS.filter((f) => !hidden.has(f.key)).length;

  const toggle = (key: string, visible: boolean) => {
    const next = new Set(hidden);
    if (visible) next.delete(key);
    else next.add(key);
    // The name column identifies the row: it always stays.
    next.delete('name');
    onChange(next);
  };

  const group = (title: string, national: boolean) => (
    <div className="column-group">
      <div className="column-group-title">{title}</div>
      <div className="column-group-items">
        {MEMBER_FIELDS.filter((f) => f.national === national).map((f) => (
          <Checkbox key={f.key} checked={!hidden.has(f.key)} disabled={f.key === 'name'} onChange={(e) => toggle(f.key, e.target.checked)}>
            {memberColumnTitle(f, lang)}
          </Checkbox>
        ))}
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={(next, info) => {
        if (info.source === 'trigger' || !next) setOpen(next);
      }}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <div className="column-chooser" role="dialog" aria-label={t('members.columns')}>
          {group(t('members.columnsNational'), true)}
          {group(t('members.columnsCommunity'), false)}
          <div className="column-chooser-foot">
            <span className="muted">{t('members.columnsShown', { shown, total: MEMBER_FIELDS.length })}</span>
            <span>
              <Button size="small" type="link" onClick={() => onChange(new Set())}>
                {t('members.columnsShowAll')}
              </Button>
              <Button size="small" type="link" onClick={() => onChange(new Set(DEFAULT_HIDDEN))}>
                {t('members.columnsReset')}
              </Button>
            </span>
          </div>
        </div>
      )}
    >
      <Button icon={<TableOutlined />}>
        {t('members.columns')} <DownOutlined className="button-caret" />
      </Button>
    </Dropdown>
  );
}
