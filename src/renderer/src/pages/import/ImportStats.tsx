// The counts of a dry run or an import as a row of tiles: the number large, what it counts below.
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

export type StatTone = 'neutral' | 'good' | 'bad' | 'warn' | 'muted';

export interface ImportStat {
  key: string;
  label: ReactNode;
  value: number;
  unit?: string;
  tone: StatTone;
  /** A line under the label (e.g. the ignored rows' numbers). */
  note?: ReactNode;
}

export function ImportStats({ stats }: { stats: readonly ImportStat[] }) {
  const lang = useLanguage();
  return (
    <div className="import-stats">
      {stats.map((stat) => (
        <div key={stat.key} className={`import-stat tone-${stat.tone}${stat.value === 0 ? ' is-zero' : ''}`} data-stat={stat.key}>
          <div className="import-stat-value">
            {formatNumber(stat.value, lang)}
            {stat.unit ? <span className="import-stat-unit">{stat.unit}</span> : null}
          </div>
          <div className="import-stat-label">{stat.label}</div>
          {stat.note ? <div className="import-stat-note">{stat.note}</div> : null}
        </div>
      ))}
    </div>
  );
}
