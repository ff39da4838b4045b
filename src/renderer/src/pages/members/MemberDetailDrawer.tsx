// 党员档案: one member's whole record — every field, the history of status changes (with the day and who
// recorded it) and the member's transfers. Opened from the row number or the 详情 button.
import { Alert, Descriptions, Drawer, Empty, Skeleton, Table, Tabs, Tag, Timeline } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeTables, MemberEvent, MemberRow, TransferRow } from '../../../../shared/api/contract';
import type { ServiceRecordInfo } from '../../../../shared/api/contract-counter';
import { MEMBER_FIELDS, type MemberField } from '../../../../shared/members/fields';
import { useApi } from '../../api/use-api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { memberFieldLabel } from '../import/import-options';
import { useLanguage } from '../../lib/use-language';
import { DirectionTag, StatusBadge } from '../transfers/transfer-labels';
import { codeLabel, memberColumnTitle } from './member-columns';
import { MemberLife, useMemberLife } from '../life/MemberLife';
import type { DevelopStep } from '../../../../shared/develop/rules';
import { DEVELOP_STEP_NAMES } from '../../../../shared/i18n/messages-develop';

const GROUPS: { key: string; national: boolean }[] = [
  { key: 'national', national: true },
  { key: 'community', national: false },
];

export function MemberDetailDrawer({
  memberId,
  codes,
  extra,
  onClose,
}: {
  memberId: number | null;
  codes: CodeTables | null;
  /** Buttons for the header (edit actions of the page). */
  extra?: (member: MemberRow) => React.ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const open = memberId !== null;
  const detail = useApi('members.get', { id: memberId ?? 1 }, [memberId], { enabled: open });
  const transfers = useApi('transfers.list', { memberId: memberId ?? 1, limit: 100 }, [memberId], { enabled: open });
  const service = useApi('volunteers.memberHours', { memberId: memberId ?? 1 }, [memberId], { enabled: open });
  const life = useMemberLife(memberId);
  const member = detail.data && detail.data.member.id === memberId ? detail.data.member : null;

  const valueOf = useMemo(
    () =>
      (field: MemberField, m: MemberRow): string => {
        const v = m[field.key as keyof MemberRow];
        if (v === null || v === undefined || v === '') return t('common.empty');
        switch (field.kind) {
          case 'sex':
            return t(`members.sex.${v}`);
          case 'category':
            return t(`members.category.${v}`);
          case 'standing':
            return t(`members.standing.${v}`);
          case 'flag':
            return v ? t('memberEdit.yes') : t('memberEdit.no');
          case 'ethnicity':
          case 'education':
          case 'occupation':
            return codeLabel(codes, field.kind, v);
          default:
            return String(v);
        }
      },
    [codes, t],
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={
        member ? (
          <span className="member-detail-title">
            {member.name}
            <Tag color={member.category === 'probationary' ? 'orange' : 'red'} variant="filled">
              {t(`members.category.${member.category}`)}
            </Tag>
            {member.status === 'history' && <Tag>{t('memberDetail.history')}</Tag>}
          </span>
        ) : (
          t('memberDetail.title')
        )
      }
      extra={member && extra ? extra(member) : null}
    >
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error)} /> : null}
      {!member && !detail.error ? <Skeleton active /> : null}
      {member && detail.data && (
        <>
          {member.status === 'history' && (
            <Alert
              className="member-detail-left"
              type="warning"
              showIcon
              title={t('memberDetail.left', {
                on: detail.data.leftOn ?? '',
                reason: detail.data.leftReason ? t(`memberLeave.leftAs.${detail.data.leftReason}`) : '',
              })}
              description={detail.data.leftNote ?? undefined}
            />
          )}
          <Tabs
            items={[
              {
                key: 'fields',
                label: t('memberDetail.fields'),
                children: GROUPS.map((group) => (
                  <Descriptions
                    key={group.key}
                    className="member-detail-fields"
                    title={t(`members.${group.national ? 'columnsNational' : 'columnsCommunity'}`)}
                    size="small"
                    bordered
                    column={2}
                    items={MEMBER_FIELDS.filter((f) => f.national === group.national).map((f) => ({
                      key: f.key,
                      label: memberColumnTitle(f, lang),
                      children: <span className={f.kind === 'citizenId' || f.kind === 'phone' || f.kind === 'date' ? 'mono' : undefined}>{valueOf(f, member)}</span>,
                      span: f.key === 'address' || f.key === 'branch' ? 2 : 1,
                    }))}
                  />
                )),
              },
              {
                key: 'history',
                label: t('memberDetail.events', { count: detail.data.events.length }),
                children: <MemberHistory events={detail.data.events} />,
              },
              {
                key: 'transfers',
                label: t('memberDetail.transfers', { count: transfers.data?.total ?? 0 }),
                children: <MemberTransfers rows={transfers.data?.transfers ?? []} loading={transfers.loading} />,
              },
              {
                key: 'service',
                label: t('memberDetail.service', { hours: formatHours(service.data?.totalHours ?? 0) }),
                children: <MemberService records={service.data?.records ?? []} loading={service.loading} />,
              },
              { key: 'life', label: t('life.participation.title'), children: <MemberLife data={life.data} loading={life.loading} /> },
            ]}
          />
          <p className="muted member-detail-foot">{t('memberDetail.updated', { at: formatDateTime(member.updatedAt, lang), version: member.version })}</p>
        </>
      )}
    </Drawer>
  );
}

/** 停止党籍 and 恢复党籍 are named as such, not as a change of a field. */
function eventKind(e: MemberEvent): string {
  if (e.kind !== 'standing_changed') return e.kind;
  const to = (e.detail as { to?: unknown } | null)?.to;
  return to === 'suspended' ? 'suspended' : to === 'normal' ? 'restored' : e.kind;
}

function MemberHistory({ events }: { events: MemberEvent[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberDetail.noEvents')} />;
  return (
    <Timeline
      className="member-history"
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: e.kind === 'left' ? 'gray' : e.kind === 'created' || e.kind === 'imported' ? 'green' : 'red',
        content: (
          <div>
            <div className="member-history-head">
              <span className="mono">{e.onDate}</span>
              <strong>{t(`memberDetail.kinds.${eventKind(e)}`, { defaultValue: e.kind })}</strong>
              <EventDetail event={e} />
            </div>
            <div className="muted member-history-by">{t('memberDetail.recordedBy', { who: e.recordedBy, at: formatDateTime(e.recordedAt, lang) })}</div>
          </div>
        ),
      }))}
    />
  );
}

function EventDetail({ event }: { event: MemberEvent }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const d = (event.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.from === 'string' && typeof d.to === 'string') {
    const label = (v: string) => t(event.kind === 'standing_changed' ? `members.standing.${v}` : `members.category.${v}`, { defaultValue: v });
    parts.push(`${label(d.from)} → ${label(d.to)}`);
  }
  if (typeof d.reason === 'string') parts.push(t(`memberLeave.leftAs.${d.reason}`, { defaultValue: d.reason }));
  if (typeof d.destination === 'string' && d.destination) parts.push(d.destination);
  if (typeof d.note === 'string' && d.note) parts.push(d.note);
  if (typeof d.letter === 'string') parts.push(t('memberDetail.letter', { letter: d.letter }));
  // The path of a member admitted through 发展党员: each step with its day.
  if (Array.isArray(d.steps)) parts.push((d.steps as { step: DevelopStep; on: string }[]).map((s) => `${s.on} ${DEVELOP_STEP_NAMES[lang][s.step] ?? s.step}`).join('；'));
  if (Array.isArray(d.changes)) {
    const blank = t('memberDetail.blank');
    const zh = lang === 'zh-CN';
    const text = (field: string, v: unknown) => {
      if (v === null || v === undefined || v === '') return blank;
      if (typeof v === 'boolean') return v ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
      if (field === 'sex') return v === 1 ? (zh ? '男' : 'male') : zh ? '女' : 'female';
      return String(v);
    };
    for (const c of d.changes as { field: string; from: unknown; to: unknown }[]) {
      parts.push(`${memberFieldLabel(c.field, lang)}${zh ? '：' : ': '}${text(c.field, c.from)} → ${text(c.field, c.to)}`);
    }
  }
  return parts.length ? <span className="member-history-detail">{parts.join(' · ')}</span> : null;
}

const formatHours = (hours: number) => String(Math.round(hours * 10) / 10);

function MemberService({ records, loading }: { records: ServiceRecordInfo[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<ServiceRecordInfo>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={records}
      locale={{ emptyText: t('memberDetail.noService') }}
      columns={[
        { key: 'on', title: t('memberDetail.servedOn'), dataIndex: 'servedOn', className: 'mono', width: 100 },
        { key: 'team', title: t('memberDetail.team'), render: (_, r) => r.teamName ?? t('common.empty'), width: 120 },
        { key: 'content', title: t('memberDetail.serviceContent'), dataIndex: 'content' },
        { key: 'hours', title: t('memberDetail.hours'), render: (_, r) => formatHours(r.hours), width: 64, align: 'right' },
      ]}
    />
  );
}

function MemberTransfers({ rows, loading }: { rows: TransferRow[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<TransferRow>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('memberDetail.noTransfers') }}
      columns={[
        { key: 'direction', title: t('transfers.columns.direction'), render: (_, r) => <DirectionTag direction={r.direction} />, width: 72 },
        { key: 'letter', title: t('transfers.columns.letter'), dataIndex: 'letterNumber', className: 'mono' },
        { key: 'route', title: t('memberDetail.route'), render: (_, r) => `${r.fromOrgName} → ${r.toOrgName}` },
        { key: 'issued', title: t('transfers.columns.issuedOn'), dataIndex: 'issuedOn', className: 'mono', width: 100 },
        { key: 'status', title: t('transfers.columns.status'), render: (_, r) => <StatusBadge transfer={r} />, width: 96 },
      ]}
    />
  );
}
