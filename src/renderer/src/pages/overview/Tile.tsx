// One figure of the overview: a link to the page that lists what it counts, so the page's total is the figure.
// A figure no page can show (a past day's state the page lists for today only) is not a link: its caption says
// as of when, rather than a click landing on a different number.
import type { ReactNode } from 'react';

export function Tile({ label, value, link, detail, tone }: { label: string; value: ReactNode; link: string | null; detail?: ReactNode; tone?: 'alert' }) {
  const className = `overview-tile${tone === 'alert' ? ' is-alert' : ''}${link === null ? ' is-static' : ''}`;
  const body = (
    <>
      <span className="overview-tile-label">{label}</span>
      <span className="overview-tile-value">{value}</span>
      {detail && <span className="overview-tile-detail">{detail}</span>}
    </>
  );
  return link === null ? (
    <div className={className} data-tile={label}>
      {body}
    </div>
  ) : (
    <a className={className} href={`#${link}`} data-tile={label}>
      {body}
    </a>
  );
}
