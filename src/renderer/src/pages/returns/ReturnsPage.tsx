// 月报: a street's monthly return (figures, notes, check → finalize → package → send), on a district
// database the packages received from the streets and their consolidation, on a city's the districts'
// packages and the city's tables down to each street. The mode decides the page.
import { Spin } from 'antd';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { errorText } from '../../lib/errors';
import { CityReturns } from './CityReturns';
import { DistrictReturns } from './DistrictReturns';
import { StreetReturn } from './StreetReturn';
import './returns.css';

/** Last month: the return a clerk is working on at the start of a month. */
export function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** `#/returns/2026-10/110101001000`: the month, and the street (on a district) or district (on a city) opened. */
export function parseReturnsPath(subPath: string): { period?: string; code?: string } {
  const [period, code] = subPath.split('/');
  return { ...(/^\d{4}-(0[1-9]|1[0-2])$/.test(period ?? '') ? { period } : {}), ...(/^\d{12}$/.test(code ?? '') ? { code } : {}) };
}

export default function ReturnsPage({ subPath }: PageProps) {
  const keys = useApi('exchange.keys', {});
  if (keys.error) return <div className="load-error">{errorText(keys.error)}</div>;
  if (!keys.data) return <Spin />;
  const opened = parseReturnsPath(subPath);
  if (keys.data.mode === 'city') return <CityReturns key={subPath} keys={keys.data} opened={opened} />;
  return keys.data.mode === 'district' ? <DistrictReturns key={subPath} keys={keys.data} opened={opened} /> : <StreetReturn key={subPath} keys={keys.data} reloadKeys={keys.reload} opened={opened.period} />;
}
