// Organizational life's papers, laid out like the paper books: the minutes page (会议记录) of one meeting,
// its sign-in sheet (签到表: the roster's names and a blank column to sign in), the branch's yearly book
// (every meeting in date order, a minutes page each), and the appraisal tally sheet.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalInfo, MeetingDetail } from '../../../../shared/api/contract-life';
import type { PrintHeading } from '../../../../shared/api/contract-print';
import { useApi } from '../../api/use-api';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import type { Paper } from '../paper';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';

/** Names on one sheet of the sign-in sheet and rows of the tally: what fits an A4 page at the body size. */
const ROWS_PER_SHEET = 26;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

function MinutesSheet({ heading, meeting, paper, footer }: { heading: PrintHeading; meeting: MeetingDetail; paper: Paper; footer?: string }) {
  const { t, i18n } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`life.paper.${key}`, o ?? {});
  const absentees = meeting.attendance.filter((a) => a.state !== 'present');
  const rows: [string, string][] = [
    [k('type'), t(`life.type.${meeting.meetingType}`)],
    [k('date'), `${formalDate(meeting.heldOn, i18n.language)} ${meeting.time}`.trim()],
    [k('place'), meeting.place],
    [k('host'), meeting.host],
    [k('recorder'), meeting.recorder],
    [t('life.columns.attendance'), k('attendance', { ...meeting.totals })],
    [k('absentees'), absentees.length ? absentees.map((a) => `${a.name}（${t(`life.state.${a.state}`)}${a.reason ? `：${a.reason}` : ''}）`).join('；') : k('noAbsentees')],
    [k('topic'), meeting.topic],
  ];
  return (
    <Sheet paper={paper} className="doc-slip doc-life" footer={footer}>
      <header className="doc-title-block">
        <div className="doc-kicker">{[heading.unit, ...meeting.jointOrgNames].join('、')}</div>
        <h1 className="doc-title">{k('minutesTitle')}</h1>
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
            <th>{k('content')}</th>
            <td className="life-paper-text">{meeting.content}</td>
          </tr>
          <tr>
            <th>{k('decisions')}</th>
            <td className="life-paper-text">{meeting.decisions}</td>
          </tr>
        </tbody>
      </table>
      {meeting.invalidReason && <p className="slip-note">{t(`life.invalid.${meeting.invalidReason}`)}</p>}
    </Sheet>
  );
}

export function LifeMinutesDoc({ params, paper, reloadKey, report }: DocProps) {
  const id = Number(params.get('meeting'));
  const { data, error } = useApi('life.printMeeting', { id }, [id, reloadKey]);
  useEffect(() => {
    if (data) report({ records: data.meeting.attendance.length, done: 1, total: 1, ready: true });
  }, [data, report]);
  if (!data) return <DocLoading error={error} />;
  return <MinutesSheet heading={data.heading} meeting={data.meeting} paper={paper} />;
}

export function LifeSignInDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const id = Number(params.get('meeting'));
  const { data, error } = useApi('life.printMeeting', { id }, [id, reloadKey]);
  const pages = chunks(data?.meeting.attendance ?? [], ROWS_PER_SHEET);
  useEffect(() => {
    if (data) report({ records: data.meeting.attendance.length, done: pages.length, total: pages.length, ready: true });
  }, [data, report, pages.length]);
  if (!data) return <DocLoading error={error} />;
  const m = data.meeting;
  const k = (key: string, o?: Record<string, unknown>) => t(`life.paper.${key}`, o ?? {});
  return (
    <>
      {pages.map((people, p) => (
        <Sheet key={p} paper={paper} className="doc-slip doc-life" footer={pages.length > 1 ? `${p + 1} / ${pages.length}` : undefined}>
          <header className="doc-title-block">
            <div className="doc-kicker">{[data.heading.unit, ...m.jointOrgNames].join('、')}</div>
            <h1 className="doc-title">{k('signInTitle')}</h1>
          </header>
          <div className="doc-meta life-paper-meta">
            <span>
              {t(`life.type.${m.meetingType}`)}：{m.topic}
            </span>
            <span>
              {formalDate(m.heldOn, i18n.language)} {m.time} {m.place}
            </span>
          </div>
          <table className="slip-table life-sign-table">
            <thead>
              <tr>
                <th className="life-seq">{k('seq')}</th>
                <th>{k('name')}</th>
                <th className="life-signature">{k('signature')}</th>
                <th>{k('note')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((a, i) => (
                <tr key={a.memberId}>
                  <td className="life-seq">{p * ROWS_PER_SHEET + i + 1}</td>
                  <td>{a.name}</td>
                  <td className="life-signature" />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </Sheet>
      ))}
    </>
  );
}

export function LifeBookDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t } = useTranslation();
  const orgId = Number(params.get('org'));
  const year = Number(params.get('year'));
  const { data, error } = useApi('life.printBook', { orgId, year }, [orgId, year, reloadKey]);
  useEffect(() => {
    if (data) report({ records: data.meetings.length, done: data.meetings.length + 1, total: data.meetings.length + 1, ready: true });
  }, [data, report]);
  if (!data) return <DocLoading error={error} />;
  const total = data.meetings.length + 1;
  return (
    <>
      <Sheet paper={paper} className="doc-slip doc-life life-cover" footer={`1 / ${total}`}>
        <header className="doc-title-block life-cover-title">
          <div className="doc-kicker">{data.heading.street}</div>
          <h1 className="doc-title">{spacedTitle(t('life.paper.bookTitle', { year: data.year }))}</h1>
          <div className="life-cover-unit">{data.heading.unit}</div>
          <p>{data.meetings.length ? t('life.paper.bookCount', { count: data.meetings.length }) : t('life.paper.empty')}</p>
        </header>
      </Sheet>
      {data.meetings.map((m, i) => (
        <MinutesSheet key={m.id} heading={data.heading} meeting={m} paper={paper} footer={`${i + 2} / ${total}`} />
      ))}
    </>
  );
}

export function LifeTallyDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const orgId = Number(params.get('org'));
  const year = Number(params.get('year'));
  const { data, error } = useApi('life.printTally', { orgId, year }, [orgId, year, reloadKey]);
  const graded = (data?.appraisal.members ?? []).filter((m) => m.grade !== null);
  const pages = chunks(graded, ROWS_PER_SHEET);
  useEffect(() => {
    if (data) report({ records: graded.length, done: pages.length, total: pages.length, ready: true });
  }, [data, report, graded.length, pages.length]);
  if (!data) return <DocLoading error={error} />;
  const a: AppraisalInfo = data.appraisal;
  const k = (key: string, o?: Record<string, unknown>) => t(`life.paper.${key}`, o ?? {});
  return (
    <>
      {pages.map((rows, p) => (
        <Sheet key={p} paper={paper} className="doc-slip doc-life" footer={pages.length > 1 ? `${p + 1} / ${pages.length}` : undefined}>
          <header className="doc-title-block">
            <div className="doc-kicker">{data.heading.unit}</div>
            <h1 className="doc-title">{spacedTitle(k('tallyTitle', { year: a.year }))}</h1>
          </header>
          <div className="doc-meta life-paper-meta">
            <span>{k('tally', { total: graded.length, ...a.tally })}</span>
            <span>{a.heldOn ? formalDate(a.heldOn, i18n.language) : ''}</span>
          </div>
          <table className="slip-table life-sign-table">
            <thead>
              <tr>
                <th className="life-seq">{k('seq')}</th>
                <th>{k('name')}</th>
                <th>{k('grade')}</th>
                <th>{k('followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr key={m.memberId}>
                  <td className="life-seq">{p * ROWS_PER_SHEET + i + 1}</td>
                  <td>{m.name}</td>
                  <td>{m.grade ? t(`life.appraisal.grade.${m.grade}`) : ''}</td>
                  <td>{m.followUp}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p === pages.length - 1 && (
            <div className="doc-issuer">
              <div>{k('secretarySign')}</div>
              <div>{k('stamp')}</div>
            </div>
          )}
        </Sheet>
      ))}
    </>
  );
}
