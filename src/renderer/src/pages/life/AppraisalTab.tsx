// The democratic appraisal of a branch and year: the roster of the day with a grade each, the tally with the
// one-third cap on 优秀, and the follow-up a 不合格 needs. Saving replaces the session's grades.
import { App, Button, DatePicker, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalMember } from '../../../../shared/api/contract-life';
import { APPRAISAL_GRADES, type AppraisalGrade } from '../../../../shared/api/schemas-life';
import { excellentCap, tally } from '../../../../shared/life-rules';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useReportError } from '../../lib/errors';
import { PrintButton } from '../../print/PrintButton';
import type { LifeOrg } from './use-branches';
import { orgLabel } from '../../../../shared/org-label';

export function AppraisalTab({ branches, canEdit }: { branches: LifeOrg[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [year, setYear] = useState(dayjs().year());
  const [heldOn, setHeldOn] = useState<Dayjs>(dayjs());
  const [rows, setRows] = useState<AppraisalMember[]>([]);
  const [saving, setSaving] = useState(false);
  const appraisal = useApi('appraisal.get', { orgId: orgId ?? 0, year }, [orgId, year], { enabled: orgId !== undefined });
  useEffect(() => {
    setRows(appraisal.data?.members ?? []);
    if (appraisal.data?.heldOn) setHeldOn(dayjs(appraisal.data.heldOn));
  }, [appraisal.data]);
  const graded = rows.flatMap((r) => (r.grade ? [r.grade] : []));
  const counts = tally(graded);
  const set = (memberId: number, change: Partial<AppraisalMember>) => setRows((old) => old.map((r) => (r.memberId === memberId ? { ...r, ...change } : r)));
  const save = async () => {
    if (orgId === undefined) return;
    setSaving(true);
    try {
      await api.call('appraisal.save', { orgId, year, heldOn: heldOn.format('YYYY-MM-DD'), grades: rows.filter((r) => r.grade).map((r) => ({ memberId: r.memberId, grade: r.grade as AppraisalGrade, followUp: r.followUp })) });
      void message.success(t('common.saved'));
      await appraisal.reload();
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <div className="life-toolbar">
        <Select style={{ width: 220 }} showSearch={{ optionFilterProp: 'label' }} placeholder={t('life.appraisal.pickOrg')} value={orgId} onChange={setOrgId} options={branches.map((o) => ({ value: o.id, label: orgLabel(o) }))} aria-label={t('life.appraisal.org')} />
        <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && setYear(d.year())} aria-label={t('life.appraisal.year')} />
        <DatePicker value={heldOn} allowClear={false} onChange={(d) => d && setHeldOn(d)} aria-label={t('life.appraisal.heldOn')} />
        {canEdit && (
          <Button type="primary" loading={saving} disabled={orgId === undefined || graded.length === 0} onClick={() => void save()}>
            {t('life.appraisal.save')}
          </Button>
        )}
        {orgId !== undefined && <PrintButton doc="lifeTally" params={{ org: orgId, year }} label={t('life.printTally')} />}
      </div>
      {orgId !== undefined && <Tag color={counts.excellent > excellentCap(graded.length) ? 'red' : 'default'}>{t('life.appraisal.tally', { ...counts, cap: excellentCap(graded.length || rows.length) })}</Tag>}
      <Table<AppraisalMember>
        style={{ marginTop: 8 }}
        rowKey="memberId"
        size="small"
        loading={appraisal.loading && orgId !== undefined}
        dataSource={orgId === undefined ? [] : rows}
        pagination={false}
        scroll={{ y: 360 }}
        columns={[
          { key: 'name', title: t('life.columns.name'), dataIndex: 'name', width: 160 },
          { key: 'full', title: t('life.columns.category'), width: 90, render: (_, r) => t(r.full ? 'life.form.full' : 'life.form.probationary') },
          {
            key: 'grade',
            title: t('life.columns.grade'),
            width: 160,
            render: (_, r) => (
              <Select size="small" style={{ width: 130 }} allowClear disabled={!canEdit} value={r.grade ?? undefined} onChange={(g) => set(r.memberId, { grade: (g as AppraisalGrade | undefined) ?? null })} aria-label={`${r.name} ${t('life.columns.grade')}`} options={APPRAISAL_GRADES.map((g) => ({ value: g, label: t(`life.appraisal.grade.${g}`) }))} />
            ),
          },
          {
            key: 'followUp',
            title: t('life.columns.followUp'),
            render: (_, r) => (r.grade === 'unqualified' ? <Input size="small" disabled={!canEdit} value={r.followUp} onChange={(e) => set(r.memberId, { followUp: e.target.value })} aria-label={`${r.name} ${t('life.columns.followUp')}`} /> : null),
          },
        ]}
      />
    </>
  );
}
