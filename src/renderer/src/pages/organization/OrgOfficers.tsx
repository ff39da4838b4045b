// The officers of the selected organization: the leadership (书记, 副书记, 委员 or 党小组长) and, on community
// committees and general branches, the part-time members; past terms below, kept on record. Clerks add,
// change and end terms here; a viewer sees the same lists without the buttons.
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgNode, OrgOfficer } from '../../../../shared/api/contract';
import { OFFICER_POSTS } from '../../../../shared/org-rules';
import { useApi } from '../../api/use-api';
import { errorText } from '../../lib/errors';
import { OfficerEndTermModal } from './OfficerEndTermModal';
import { OfficerFormModal, type OfficerFormTarget } from './OfficerFormModal';
import './officers.css';

function Term({ officer }: { officer: OrgOfficer }) {
  const { t } = useTranslation();
  const { termStart: start, termEnd: end } = officer;
  const text =
    start && end
      ? t('officers.termRange', { start, end })
      : start
        ? t('officers.termFrom', { start })
        : end
          ? t('officers.termTo', { end })
          : null;
  return text ? <span className="mono">{text}</span> : <span className="muted">{t('officers.termNone')}</span>;
}

export function OrgOfficers({ org, canEdit, onChanged }: { org: OrgNode; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const officers = useApi('orgs.officers', { orgId: org.id }, [org.id]);
  const [showPast, setShowPast] = useState(false);
  const [editing, setEditing] = useState<OfficerFormTarget | null>(null);
  const [ending, setEnding] = useState<OrgOfficer | null>(null);
  const posts = OFFICER_POSTS[org.level];
  const hasPartTime = posts.includes('part_time');

  const all = officers.data ?? [];
  const inOffice = all.filter((o) => o.state !== 'past');
  const team = inOffice.filter((o) => o.post !== 'part_time');
  const partTime = inOffice.filter((o) => o.post === 'part_time');
  const past = all.filter((o) => o.state === 'past');

  const changed = () => {
    void officers.reload();
    onChanged();
  };

  const name = (o: OrgOfficer) => (
    <span className="officer-name">
      {o.personName}
      {o.memberId !== null && (
        <Tag variant="filled" color="red" className="officer-tag">
          {t('officers.onRoll')}
        </Tag>
      )}
      {o.state === 'upcoming' && (
        <Tag variant="filled" className="officer-tag">
          {t('officers.upcoming')}
        </Tag>
      )}
    </span>
  );

  const actions = (o: OrgOfficer) =>
    canEdit && o.state !== 'past' ? (
      <span className="officer-actions">
        <Button size="small" type="link" onClick={() => setEditing({ mode: 'edit', org, officer: o })}>
          {t('officers.edit')}
        </Button>
        <Button size="small" type="link" onClick={() => setEnding(o)}>
          {t('officers.endTerm')}
        </Button>
      </span>
    ) : null;

  const columns = (kind: 'team' | 'partTime' | 'past'): ColumnsType<OrgOfficer> => [
    kind === 'partTime'
      ? { key: 'kind', title: t('officers.columns.kind'), width: 160, render: (_v, o) => (o.partTimeKind ? t(`officers.kinds.${o.partTimeKind}`) : '') }
      : { key: 'post', title: t('officers.columns.post'), width: 80, render: (_v, o) => t(`officers.posts.${o.post}`) },
    { key: 'name', title: t('officers.columns.name'), render: (_v, o) => name(o) },
    { key: 'duty', title: t('officers.columns.duty'), dataIndex: 'duty' },
    { key: 'term', title: t('officers.columns.term'), width: 204, render: (_v, o) => <Term officer={o} /> },
    ...(canEdit && kind !== 'past' ? [{ key: 'actions', title: t('officers.columns.actions'), width: 120, render: (_v: unknown, o: OrgOfficer) => actions(o) }] : []),
  ];

  const table = (kind: 'team' | 'partTime' | 'past', rows: OrgOfficer[]) => (
    <Table<OrgOfficer>
      className="officer-table"
      tableLayout="fixed"
      size="small"
      rowKey="id"
      pagination={false}
      loading={officers.loading && !officers.data}
      columns={columns(kind)}
      dataSource={rows}
      locale={{ emptyText: <span className="muted">{t('officers.none')}</span> }}
    />
  );

  /** 领导班子 or 兼职委员: a heading, its add button for clerks, and the officers in office. */
  const section = (kind: 'team' | 'partTime', rows: OrgOfficer[]) => (
    <section className="officer-section" aria-label={t(`officers.${kind}`)}>
      <div className="officer-section-head">
        <h3>{t(`officers.${kind}`)}</h3>
        {kind === 'partTime' && <span className="muted officer-section-hint">{t('officers.partTimeHint')}</span>}
        {canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', org, partTime: kind === 'partTime' })}>
            {t(kind === 'partTime' ? 'officers.addPartTime' : 'officers.add')}
          </Button>
        )}
      </div>
      {table(kind, rows)}
    </section>
  );

  if (officers.error) return <div className="load-error">{errorText(officers.error)}</div>;

  return (
    <div className="org-officers">
      {section('team', team)}
      {hasPartTime && section('partTime', partTime)}

      {past.length > 0 && (
        <section className="officer-section officer-past" aria-label={t('officers.past', { count: past.length })}>
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setShowPast((v) => !v)} aria-expanded={showPast}>
            {t('officers.past', { count: past.length })}
          </Button>
          {showPast && table('past', past)}
        </section>
      )}

      <OfficerFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <OfficerEndTermModal
        officer={ending}
        onClose={() => setEnding(null)}
        onEnded={() => {
          setEnding(null);
          changed();
        }}
      />
    </div>
  );
}
