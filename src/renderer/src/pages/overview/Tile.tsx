// One figure of the overview: a link to the page that lists what it counts, so the page's total is the figure.
import type { ReactNode } from 'react';

export function Tile({ label, value, link, detail, tone }: { label: string; value: ReactNode; link: string; detail?: ReactNode; tone?: 'alert' }) {
  return (
    <a className={`overview-tile${tone === 'alert' ? ' is-alert' : ''}`} href={`#${link}`} data-tile={label}>
      <span className="overview-tile-label">{label}</span>
      <span className="overview-tile-value">{value}</span>
      {detail && <span className="overview-tile-detail">{detail}</span>}
    </a>
  );
}
