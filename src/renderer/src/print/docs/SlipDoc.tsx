// The slip handed to a resident at the counter: number, matter, what to bring, due date, the phone.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, HandBlank } from './doc-parts';

export function SlipDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const requestId = Number(params.get('request'));
  const { data: s, error } = useApi('print.slip', { requestId }, [requestId, reloadKey]);
  useEffect(() => {
    if (s) report({ records: 1, done: 1, total: 1, ready: true, missing: s.missing });
  }, [s, report]);
  if (!s) return <DocLoading error={error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`print.slip.${key}`, o ?? {});
  const limit = s.limitDays === 0 ? t('print.threeLists.onTheSpot') : t('print.threeLists.days', { days: s.limitDays });
  const rows: [string, string][] = [
    [k('number'), s.number],
    [k('matter'), s.matterName],
    [k('resident'), s.residentName],
    [k('accepted'), formalDate(s.acceptedOn, i18n.language)],
    [k('limit'), limit],
    [k('due'), formalDate(s.dueOn, i18n.language)],
  ];
  return (
    <Sheet paper={paper} className="doc-slip">
      <header className="doc-title-block">
        <div className="doc-kicker">{s.station.stationName || `${s.heading.street} · ${s.communityName}`}</div>
        <h1 className="doc-title">{k('title')}</h1>
      </header>
      <table className="slip-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          <tr>
            <th>{s.waitingForDocuments ? k('materials') : k('materialsAll')}</th>
            <td>
              {s.materialsNeeded.length === 0 ? (
                t('print.threeLists.none')
              ) : (
                <ol>
                  {s.materialsNeeded.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
          {/* Not set: a line to write on by hand (the preview has said what is missing). */}
          <tr>
            <th>{k('phone')}</th>
            <td>{s.station.phone || <HandBlank />}</td>
          </tr>
          <tr>
            <th>{k('address')}</th>
            <td>{s.station.address || <HandBlank wide />}</td>
          </tr>
          {s.station.hours && (
            <tr>
              <th>{k('hours')}</th>
              <td>{s.station.hours}</td>
            </tr>
          )}
          <tr>
            <th>{k('clerk')}</th>
            <td>{s.acceptedBy || <HandBlank />}</td>
          </tr>
        </tbody>
      </table>
      <p className="slip-note">{k('note')}</p>
      <div className="doc-issuer">
        <div>{s.station.stationName || s.communityName}</div>
        <div>{formalDate(s.acceptedOn, i18n.language)}</div>
      </div>
    </Sheet>
  );
}
