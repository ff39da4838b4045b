// Dates, numbers and file sizes as a reader of the current language expects them.
import dayjs from 'dayjs';
import type { Language } from '../../../shared/api/schemas';

export function formatDateTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return lang === 'zh-CN' ? d.format('YYYY-MM-DD HH:mm') : d.format('D MMM YYYY, HH:mm');
}

export function formatDateTimeSeconds(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return lang === 'zh-CN' ? d.format('YYYY-MM-DD HH:mm:ss') : d.format('D MMM YYYY, HH:mm:ss');
}

export function formatLongDate(date: Date, lang: Language): string {
  const d = dayjs(date);
  return lang === 'zh-CN' ? d.format('YYYY年M月D日 dddd') : d.format('dddd, D MMMM YYYY');
}

/** A return's month as people write it: 2026年11月 / November 2026. */
export function formatMonth(period: string, lang: Language): string {
  return dayjs(`${period}-01`).format(lang === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY');
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang).format(value);
}

export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
