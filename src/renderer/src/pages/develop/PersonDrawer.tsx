// One person's record (发展纪实): who they are, the steps done in order with their organization, people and
// document number, the contacts and introducers, and the next step with its window; 登记下一环节 opens the form.
import { Alert, Button, Drawer, Empty, Spin, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DevelopPersonRow, DevelopStepRow } from '../../../../shared/api/contract-develop';
import { useApi } from '../../api/use-api';
import { KeyValues } from '../../components/KeyValues';
import { useLanguage } from '../../lib/use-language';
import { PrintButton } from '../../print/PrintButton';
import { stageName, stepName } from './develop-labels';

export function PersonDrawer({ id, version, canEdit, onClose, onRecord }: { id: number | null; version: number; canEdit: boolean; onClose: () => void; onRecord: (p: DevelopPersonRow) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const k = (key: string, params?: Record<string, unknown>) => t(`develop.person.${key}`, params);
  const detail = useApi('develop.get', { id: id ?? 1 }, [id, version], { enabled: id !== null });
  const d = id !== null ? detail.data : null;
  const p = d?.person;

  const detailText = (s: DevelopStepRow) => {
    const x = s.detail ?? {};
    const parts: string[] = [];
    if (typeof x.hours === 'number') parts.push(k('detailHours', { hours: x.hours }));
    if (typeof x.days === 'number') parts.push(k('detailDays', { days: x.days }));
    if (typeof x.months === 'number') parts.push(k('detailMonths', { months: x.months }));
    if (typeof x.votesFor === 'number') parts.push(k('detailVote', { attendance: x.attendance ?? '—', for: x.votesFor, against: x.votesAgainst ?? 0 }));
    if (s.documentNumber) parts.push(k('docNumber', { number: s.documentNumber }));
    return [s.orgName, s.people, ...parts, s.note].filter(Boolean).join(' · ');
  };

  return (
    <Drawer
      open={id !== null}
      width={520}
      title={p ? k('title', { name: p.name }) : ''}
      extra={p ? <PrintButton size="small" doc="developRecord" params={{ person: p.id }} label={t('print.developRecord.open')} /> : null}
      onClose={onClose}
      destroyOnHidden
    >
      {!d && <Spin />}
      {p && d && (
        <div className="develop-person">
          <KeyValues
            labelWidth={110}
            rows={[
              { key: 'id', label: k('idNumber'), value: <span className="mono">{p.idNumber}</span> },
              { key: 'branch', label: k('branch'), value: p.communityName ? `${p.orgName} · ${p.communityName}` : p.orgName },
              { key: 'stage', label: k('stage'), value: <Tag color="red">{stageName(p.stage, lang)}</Tag> },
              ...(d.contacts.some((c) => c.role === 'contact') ? [{ key: 'contacts', label: k('contacts'), value: d.contacts.filter((c) => c.role === 'contact').map((c) => c.name).join('、') }] : []),
              ...(d.contacts.some((c) => c.role === 'introducer') ? [{ key: 'introducers', label: k('introducers'), value: d.contacts.filter((c) => c.role === 'introducer').map((c) => c.name).join('、') }] : []),
              ...(p.memberId !== null
                ? [{ key: 'member', label: k('member'), value: k('onRoll', { category: stageName(p.stage === 'full' ? 'full' : 'probationary', lang) }) }]
                : []),
            ]}
          />
          {p.next && (
            <Alert
              className="develop-next"
              type="info"
              showIcon
              title={`${t('develop.card.next')}：${stepName(p.next.step, lang)}`}
              description={[p.next.earliest && t('develop.card.earliest', { date: p.next.earliest }), p.next.latest && t('develop.card.latest', { date: p.next.latest }), d.noticeEnds && p.stage === 'candidate' && k('noticeEnds', { date: d.noticeEnds }), p.probationEnds && t('develop.card.probationEnds', { date: p.probationEnds })].filter(Boolean).join('，')}
              action={
                canEdit ? (
                  <Button type="primary" size="small" onClick={() => onRecord(p)}>
                    {k('record')}
                  </Button>
                ) : undefined
              }
            />
          )}
          <h3 className="develop-person-steps">{k('steps')}</h3>
          {d.steps.length === 0 ? (
            <Empty />
          ) : (
            <Timeline
              items={d.steps.map((s) => ({
                key: s.id,
                color: s.step === 'admitted' || s.step === 'full' ? 'red' : 'blue',
                content: (
                  <div className="develop-step">
                    <div>
                      <span className="mono develop-step-date">{s.on}</span> {stepName(s.step, lang)}
                    </div>
                    {detailText(s) && <div className="muted develop-step-detail">{detailText(s)}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
