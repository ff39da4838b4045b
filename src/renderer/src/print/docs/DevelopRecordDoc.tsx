// 发展党员工作纪实: one person's path for their file — who they are, each step with its day, organization,
// the people involved and the document number, the contacts and introducers, and a line to sign. An internal
// paper of the file (not posted): the ID number is printed whole, as the file's own forms carry it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopStepRow } from '../../../../shared/api/contract-develop';
import { paperDate } from '../../../../shared/api/contract-print';
import { DEVELOP_STAGE_NAMES, DEVELOP_STEP_NAMES } from '../../../../shared/i18n/messages-develop';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../lib/use-language';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';

export function DevelopRecordDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const id = Number(params.get('person'));
  const { data, error } = useApi('develop.get', { id }, [id, reloadKey]);
  useEffect(() => {
    if (data) report({ records: 1, done: 1, total: 1, ready: true });
  }, [data, report]);
  if (!data) return <DocLoading error={error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`print.developRecord.${key}`, o ?? {});
  const p = data.person;
  const names = (role: 'contact' | 'introducer') => data.contacts.filter((c) => c.role === role).map((c) => c.name).join('、');
  const detail = (s: DevelopStepRow) => {
    const x = s.detail ?? {};
    const parts = [
      typeof x.hours === 'number' ? t('develop.person.detailHours', { hours: x.hours }) : '',
      typeof x.days === 'number' ? t('develop.person.detailDays', { days: x.days }) : '',
      typeof x.months === 'number' ? t('develop.person.detailMonths', { months: x.months }) : '',
      typeof x.votesFor === 'number' ? t('develop.person.detailVote', { attendance: x.attendance ?? '—', for: x.votesFor, against: x.votesAgainst ?? 0 }) : '',
      s.note ?? '',
    ];
    return parts.filter(Boolean).join('；');
  };
  const facts: [string, string][] = [
    [k('name'), p.name],
    [k('sex'), t(p.sex === 1 ? 'print.developRecord.male' : 'print.developRecord.female')],
    [k('birth'), paperDate(p.birthDate, i18n.language)],
    [k('idNumber'), p.idNumber],
    [k('branch'), p.communityName ? `${p.communityName} ${p.orgName}` : p.orgName],
    [k('stage'), DEVELOP_STAGE_NAMES[lang][p.stage]],
    [k('contacts'), names('contact') || '—'],
    [k('introducers'), names('introducer') || '—'],
  ];
  return (
    <Sheet paper={paper} className="doc-develop-record">
      <header className="doc-title-block">
        <h1 className="doc-title">{spacedTitle(k('title'))}</h1>
      </header>
      <table className="slip-table develop-record-facts">
        <tbody>
          {facts.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="pt-table develop-record-steps" style={{ marginTop: '6mm', width: '100%' }}>
        {/* The step's name kept on one line (确定为入党积极分子), the date too. */}
        <colgroup>
          {[19, 24, 16, 12, 13, 16].map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>{k('date')}</th>
            <th>{k('step')}</th>
            <th>{k('org')}</th>
            <th>{k('people')}</th>
            <th>{k('document')}</th>
            <th>{k('detail')}</th>
          </tr>
        </thead>
        <tbody>
          {data.steps.map((s) => (
            <tr key={s.id}>
              <td style={{ whiteSpace: 'nowrap' }}>{paperDate(s.on, i18n.language)}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{DEVELOP_STEP_NAMES[lang][s.step]}</td>
              <td>{s.orgName ?? ''}</td>
              <td>{s.people ?? ''}</td>
              <td>{s.documentNumber ?? ''}</td>
              <td>{detail(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.next && <p className="slip-note">{k('next', { step: DEVELOP_STEP_NAMES[lang][p.next.step], from: p.next.earliest ? paperDate(p.next.earliest, i18n.language) : '—', to: p.next.latest ? paperDate(p.next.latest, i18n.language) : '—' })}</p>}
      <div className="doc-issuer">
        <div>{k('keeper')}</div>
        <div>{formalDate(new Date().toISOString().slice(0, 10), i18n.language)}</div>
      </div>
    </Sheet>
  );
}
