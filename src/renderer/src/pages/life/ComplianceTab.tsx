// Compliance of a year, or of a quarter or a month of it (the address: #/life/compliance/2026-Q4): branch ×
// period for one kind of meeting (month or quarter as the rules say), green where held, red where a period
// ended without it, grey ahead; the street's and each community's rates, and the overdue list.
import { DatePicker, Segmented, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceRow } from '../../../../shared/api/contract-life';
import type { CellState } from '../../../../shared/life-rules';
import { MEETING_TYPES, type MeetingType } from '../../../../shared/api/schemas-life';
import { useApi } from '../../api/use-api';
import { navigate } from '../../app/router';
import { orgLabel } from '../../../../shared/org-label';

function periodLabel(period: string): string {
  if (period.length === 4) return period;
  return period[5] === 'Q' ? period.slice(5) : `${Number(period.slice(5, 7))}`;
}

/** The period of the address: 2026, 2026-Q4 or 2026-10 (anything else: this year). */
function parsePeriod(period: string | undefined): { year: number; part: string | null } {
  const match = /^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$/.exec(period ?? '');
  return match ? { year: Number(match[1]), part: match[2] ?? null } : { year: dayjs().year(), part: null };
}

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export function ComplianceTab({ reloadKey, period }: { reloadKey: number; period?: string }) {
  const { t } = useTranslation();
  // The period lives in the address, so the overview's link and the back button land on the same grid.
  const { year, part } = parsePeriod(period);
  const show = (y: number, p: string | null) => navigate(`/life/compliance/${y}${p ? `-${p}` : ''}`);
  const [meetingType, setMeetingType] = useState<MeetingType>('committee');
  const input = part === null ? { year } : part.startsWith('Q') ? { year, quarter: Number(part[1]) } : { year, month: Number(part) };
  const grid = useApi('life.compliance', input, [year, part, reloadKey]);
  const type = grid.data?.types.find((x) => x.meetingType === meetingType);
  // A month of the address is offered beside the quarters (the overview's month links to it).
  const parts = [...QUARTERS, ...(part && !part.startsWith('Q') ? [part] : [])];
  const overdue = (grid.data?.overdue ?? []).filter((o) => o.meetingType === meetingType);
  return (
    <>
      <div className="life-toolbar">
        <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && show(d.year(), part)} aria-label={t('life.compliance.year')} />
        <Segmented<string>
          aria-label={t('life.compliance.period')}
          value={part ?? 'year'}
          onChange={(v) => show(year, v === 'year' ? null : v)}
          options={[
            { value: 'year', label: t('life.compliance.wholeYear') },
            ...parts.map((p) => ({ value: p, label: p.startsWith('Q') ? t('life.compliance.quarter', { n: Number(p[1]) }) : t('life.compliance.month', { n: Number(p) }) })),
          ]}
        />
        <Segmented value={meetingType} onChange={(v) => setMeetingType(v as MeetingType)} options={MEETING_TYPES.map((m) => ({ value: m, label: t(`life.type.${m}`) }))} />
        <span className="cell-muted">{t('life.compliance.legend')}</span>
      </div>
      <div className="life-rates">
        <Statistic title={t('life.compliance.street')} value={grid.data?.street.rate ?? '—'} suffix={grid.data?.street.rate == null ? undefined : '%'} />
        {(grid.data?.communities ?? []).map((c) => (
          <Statistic key={c.communityId ?? 0} title={c.communityName ?? t('life.compliance.direct')} value={c.rate ?? '—'} suffix={c.rate == null ? undefined : '%'} />
        ))}
      </div>
      {type && type.periods.length === 0 && <div className="cell-muted">{t('life.compliance.notInPeriod', { type: t(`life.type.${meetingType}`) })}</div>}
      <Table<ComplianceRow>
        rowKey="orgId"
        size="small"
        loading={grid.loading}
        dataSource={grid.data?.rows ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'org', title: t('life.columns.org'), dataIndex: 'orgName', width: 170, fixed: 'left' },
          { key: 'community', title: t('life.columns.community'), dataIndex: 'communityName', width: 100 },
          ...(type?.periods ?? []).map((p, i) => ({
            key: p,
            title: periodLabel(p),
            width: 46,
            render: (_: unknown, r: ComplianceRow) => {
              const state = r.cells[meetingType][i];
              return (
                <span className={`life-cell life-cell-${state}`} title={`${orgLabel({ name: r.orgName, communityName: r.communityName })} ${p} ${t(`life.cell.${state}`)}`} data-state={state}>
                  {state === 'done' ? '✓' : state === 'missing' ? '✗' : '·'}
                </span>
              );
            },
          })),
          { key: 'rate', title: t('life.columns.rate'), width: 80, align: 'right' as const, render: (_: unknown, r: ComplianceRow) => typeRate(r.cells[meetingType]) },
        ]}
      />
      <h4 style={{ margin: '8px 0 4px' }}>{t('life.compliance.overdue')}</h4>
      {overdue.length === 0 ? (
        <span className="cell-muted">{t('life.compliance.noOverdue')}</span>
      ) : (
        <ul className="life-overdue">
          {overdue.slice(0, 200).map((o) => (
            <li key={`${o.orgId}-${o.period}`}>{t('life.compliance.overdueItem', { org: o.orgName, period: o.period, type: t(`life.type.${o.meetingType}`) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The rate beside a row is of the meeting type whose cells it follows: held of those already due. */
function typeRate(cells: readonly CellState[]): string {
  const done = cells.filter((c) => c === 'done').length;
  const due = done + cells.filter((c) => c === 'missing').length;
  return due === 0 ? '—' : `${Math.round((done / due) * 1000) / 10}%`;
}
