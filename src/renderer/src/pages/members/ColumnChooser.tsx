// 显示列: which member columns the grid shows, grouped as the national 16 items and the community fields,
// and the widths the user dragged them to. The layout is the user's own, kept in the database (layouts.*)
// so it follows them to any computer; a copy in localStorage paints the first rows without waiting.
// Named layouts (“换届核查”, “报到登记” …) are saved and applied from the same menu.
import { DownOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Input, Space, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_FIELDS, GRID_HIDDEN_AT_FIRST } from '../../../../shared/members/fields';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { useLanguage } from '../../lib/use-language';
import { memberColumnTitle } from './member-columns';

/** Fields few clerks need every day, hidden until someone asks for them: marked in the field table. */
const DEFAULT_HIDDEN: readonly string[] = GRID_HIDDEN_AT_FIRST;
const GRID = 'members';
/**
 * The stored name of the layout in use (the others are the ones the user named). A key in the database, the
 * contract's default for layouts.save, never shown: a layout the user names is refused this name.
 */
const CURRENT = '默认';

export interface MemberLayout {
  hidden: ReadonlySet<string>;
  /** Column widths the user set by dragging, by field key. */
  widths: Readonly<Record<string, number>>;
}

const DEFAULT_LAYOUT: MemberLayout = { hidden: new Set(DEFAULT_HIDDEN), widths: {} };
const storageKey = (userId: number) => `streetdesk.members.layout.${userId}`;

function parseLayout(raw: string | null): MemberLayout | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { hidden?: unknown; widths?: unknown };
    const hidden = Array.isArray(parsed.hidden) ? parsed.hidden.filter((k): k is string => typeof k === 'string') : [...DEFAULT_HIDDEN];
    const widths: Record<string, number> = {};
    if (parsed.widths && typeof parsed.widths === 'object') {
      for (const [k, v] of Object.entries(parsed.widths)) if (typeof v === 'number' && v >= 30 && v <= 800) widths[k] = Math.round(v);
    }
    return { hidden: new Set(hidden), widths };
  } catch {
    return null;
  }
}

const serialize = (layout: MemberLayout) => JSON.stringify({ hidden: [...layout.hidden], widths: layout.widths });

function readLocal(userId: number): MemberLayout {
  try {
    return parseLayout(localStorage.getItem(storageKey(userId))) ?? DEFAULT_LAYOUT;
  } catch {
    return DEFAULT_LAYOUT;
  }
}

function writeLocal(userId: number, layout: MemberLayout): void {
  try {
    localStorage.setItem(storageKey(userId), serialize(layout));
  } catch {
    // The database keeps the layout; the local copy only saves a moment at start.
  }
}

export interface NamedLayout {
  name: string;
  layout: MemberLayout;
}

/** This user's layout of the members grid, and the layouts they named. */
export function useMemberLayout(userId: number) {
  const report = useReportError();
  const lang = useLanguage();
  const [layout, setLayout] = useState<MemberLayout>(() => readLocal(userId));
  const [named, setNamed] = useState<NamedLayout[]>([]);
  const touched = useRef(false);
  // Saves go one after the other, so the last change is the one stored.
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    api
      .call('layouts.list', { grid: GRID })
      .then((rows) => {
        if (!live) return;
        const parsed = rows.map((r) => ({ name: r.name, layout: parseLayout(r.layout) })).filter((r): r is NamedLayout => r.layout !== null);
        setNamed(parsed.filter((r) => r.name !== CURRENT));
        const current = parsed.find((r) => r.name === CURRENT);
        // A change made before the answer came wins over the stored layout.
        if (current && !touched.current) {
          setLayout(current.layout);
          writeLocal(userId, current.layout);
        }
      })
      .catch(report);
    return () => {
      live = false;
    };
  }, [userId, report]);

  const update = useCallback(
    (next: MemberLayout) => {
      touched.current = true;
      setLayout(next);
      writeLocal(userId, next);
      saving.current = saving.current.then(() => api.call('layouts.save', { grid: GRID, name: CURRENT, layout: serialize(next) }).catch(report));
    },
    [userId, report],
  );

  const saveAs = useCallback(
    async (name: string) => {
      await api.call('layouts.save', { grid: GRID, name, layout: serialize(layout) });
      setNamed((list) => [...list.filter((l) => l.name !== name), { name, layout }].sort((a, b) => a.name.localeCompare(b.name, lang)));
    },
    [layout, lang],
  );

  return { layout, update, named, saveAs };
}

export function ColumnChooser({
  hidden,
  onChange,
  named,
  onApply,
  onSaveAs,
}: {
  hidden: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  named: readonly NamedLayout[];
  onApply: (layout: MemberLayout) => void;
  onSaveAs: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [layoutName, setLayoutName] = useState('');
  const saveAs = async () => {
    const name = layoutName.trim();
    if (!name) {
      void message.warning(t('members.layoutNameNeeded'));
      return;
    }
    if (name === CURRENT) {
      void message.warning(t('members.layoutNameReserved', { name }));
      return;
    }
    try {
      await onSaveAs(name);
      setLayoutName('');
      void message.success(t('members.layoutSaved', { name }));
    } catch (error) {
      report(error);
    }
  };
  const shown = GRID_FIELDS.filter((f) => !hidden.has(f.key)).length;

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
        {GRID_FIELDS.filter((f) => f.national === national).map((f) => (
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
            <span className="muted">{t('members.columnsShown', { shown, total: GRID_FIELDS.length })}</span>
            <span>
              <Button size="small" type="link" onClick={() => onChange(new Set())}>
                {t('members.columnsShowAll')}
              </Button>
              <Button size="small" type="link" onClick={() => onApply(DEFAULT_LAYOUT)}>
                {t('members.columnsReset')}
              </Button>
            </span>
          </div>
          <div className="column-layouts">
            <div className="column-group-title">{t('members.layouts')}</div>
            {named.length > 0 ? (
              <div className="column-layout-list">
                {named.map((l) => (
                  <Tag.CheckableTag key={l.name} checked={false} onChange={() => onApply(l.layout)}>
                    {l.name}
                  </Tag.CheckableTag>
                ))}
              </div>
            ) : (
              <div className="muted column-layout-empty">{t('members.layoutsNone')}</div>
            )}
            <Space.Compact className="column-layout-save">
              <Input size="small" value={layoutName} maxLength={40} placeholder={t('members.layoutNamePlaceholder')} onChange={(e) => setLayoutName(e.target.value)} onPressEnter={() => void saveAs()} />
              <Button size="small" onClick={() => void saveAs()}>
                {t('members.layoutSave')}
              </Button>
            </Space.Compact>
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
