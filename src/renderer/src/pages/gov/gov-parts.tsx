// Small pieces the governance tabs share: the community choice (the street's own records included), a figure
// tile, ISO days from date pickers, and the rate shown as the registers count it ("60.4%").
import { Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface CommunityOption {
  value: number;
  label: string;
}

export interface TabProps {
  canEdit: boolean;
  communities: CommunityOption[];
}

/** The street's own records in a select (a select value cannot be null). */
export const STREET = -1;

export const toCommunityId = (v: number | null | undefined): number | null => (v === STREET || v == null ? null : v);
export const day = (d: Dayjs | null | undefined): string => (d ? d.format('YYYY-MM-DD') : '');
export const optionalDay = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** A dated item as a form writes it on one line, "内容 2026-06-30 [2026-06-20]": a project's milestone, an audit's rectification. */
export interface DatedLine {
  text: string;
  dueOn: string;
  doneOn: string | null;
}

/** The form's lines back as items: the first date is when it is due, a second when it was done. */
export function parseDatedLines(text: string): DatedLine[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const dates = line.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      return { text: line.replace(/\d{4}-\d{2}-\d{2}/g, '').trim(), dueOn: dates[0] ?? '', doneOn: dates[1] ?? null };
    });
}

/** Items as the form's lines. */
export const datedLines = (items: DatedLine[]): string => items.map((x) => [x.text, x.dueOn, x.doneOn].filter(Boolean).join(' ')).join('\n');

export function CommunitySelect({ communities, value, onChange, withStreet = false, allowAll = false, disabled = false }: { communities: CommunityOption[]; value?: number | null; onChange?: (v: number | undefined) => void; withStreet?: boolean; allowAll?: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select
      className="gov-community"
      style={{ minWidth: 140 }}
      value={value ?? undefined}
      disabled={disabled}
      allowClear={allowAll}
      placeholder={allowAll ? t('gov.allCommunities') : undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={[...(withStreet ? [{ value: STREET, label: t('gov.street') }] : []), ...communities]}
    />
  );
}

export function Figure({ label, value, warning = false }: { label: string; value: React.ReactNode; warning?: boolean }) {
  return (
    <div className={`gov-figure${warning ? ' is-warning' : ''}`}>
      <div className="gov-figure-label">{label}</div>
      <div className="gov-figure-value">{value}</div>
    </div>
  );
}

export const rateText = (rate: string | null): string => (rate === null ? '—' : `${rate}%`);
