// 审计: the year's collective-economy audits planned and done by kind, the plan's completion rate, findings,
// rectifications (overdue in red) and the day the results were disclosed. A planned audit is edited in the
// form it was entered in, to record it done, its findings, rectifications and their progress.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditInfo } from '../../../../shared/api/contract-gov';
import { AUDIT_KINDS, type AuditKind } from '../../../../shared/api/schemas-gov';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { useSaveForm } from '../counter/use-save-form';
import { CommunitySelect, Figure, datedLines, day, optionalDay, parseDatedLines, rateText, type TabProps } from './gov-parts';

interface Values {
  communityId: number;
  kind: AuditKind;
  subject: string;
  plannedOn: Dayjs | null;
  doneOn: Dayjs | null;
  findings: string;
  disclosedOn: Dayjs | null;
  rectifications: string;
}

function AuditModal({ open, year, editing, communities, onClose, onSaved }: { open: boolean; year: number; editing: AuditInfo | null; communities: TabProps['communities']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'audits.save'>(
    'audits.save',
    ['communityId', 'kind', 'subject', 'plannedOn', 'doneOn', 'findings', 'disclosedOn', 'rectifications'],
    (v) => ({
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      communityId: v.communityId,
      year: editing?.year ?? year,
      kind: v.kind,
      subject: v.subject,
      plannedOn: day(v.plannedOn),
      doneOn: optionalDay(v.doneOn),
      findings: v.findings,
      disclosedOn: optionalDay(v.disclosedOn),
      rectifications: parseDatedLines(v.rectifications ?? '').map(({ text, dueOn, doneOn }) => ({ item: text, dueOn, doneOn })),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const at = (d: string | null) => (d ? dayjs(d) : null);
    if (editing)
      form.setFieldsValue({
        communityId: editing.communityId,
        kind: editing.kind,
        subject: editing.subject,
        plannedOn: dayjs(editing.plannedOn),
        doneOn: at(editing.doneOn),
        findings: editing.findings,
        disclosedOn: at(editing.disclosedOn),
        rectifications: datedLines(editing.rectifications.map((x) => ({ text: x.item, dueOn: x.dueOn, doneOn: x.doneOn }))),
      });
    else form.setFieldsValue({ communityId: communities[0]?.value, kind: 'annual', subject: '', plannedOn: dayjs(), doneOn: null, findings: '', disclosedOn: null, rectifications: '' });
  }, [open, editing, communities, form]);
  const f = (key: string) => t(`gov.audits.form.${key}`);
  return (
    <FormModal open={open} title={editing ? t('gov.audits.editTitle', { subject: editing.subject }) : t('gov.audits.new')} saving={saving} width={600} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="gov-form-row">
          <Form.Item name="communityId" label={f('communityId')}>
            <CommunitySelect communities={communities} />
          </Form.Item>
          <Form.Item name="kind" label={f('kind')}>
            <Select options={AUDIT_KINDS.map((k) => ({ value: k, label: t(`gov.audits.kind.${k}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="subject" label={f('subject')}>
          <Input autoFocus />
        </Form.Item>
        <div className="gov-form-row">
          <Form.Item name="plannedOn" label={f('plannedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="doneOn" label={f('doneOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="disclosedOn" label={f('disclosedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="findings" label={f('findings')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rectifications" label={f('rectifications')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function AuditsTab({ canEdit, communities }: TabProps) {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<AuditInfo | null>(null);
  const list = useApi('audits.list', { year }, [year]);
  const stats = useApi('audits.stats', { year }, [year]);
  const s = stats.data;
  return (
    <div>
      <div className="gov-toolbar">
        <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && setYear(d.year())} aria-label={t('gov.year')} />
        <span className="gov-spacer" />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('gov.audits.new')}
          </Button>
        )}
      </div>
      {s && (
        <div className="gov-figures">
          <Figure label={t('gov.audits.planned', { planned: s.street.planned, done: s.street.done })} value={rateText(s.street.rate)} />
          {s.byKind
            .filter((k) => k.total > 0)
            .map((k) => (
              <Figure key={k.kind} label={`${t(`gov.audits.kind.${k.kind}`)} ${t('gov.doneOfTotal', { done: k.done, total: k.total })}`} value={rateText(k.rate)} />
            ))}
          <Figure warning={s.rectifications.overdue > 0} label={t('gov.audits.rectifications', s.rectifications)} value={`${s.rectifications.done}/${s.rectifications.total}`} />
        </div>
      )}
      {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
      <Table<AuditInfo>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { key: 'community', title: t('gov.audits.columns.community'), width: 100, dataIndex: 'communityName' },
          { key: 'kind', title: t('gov.audits.columns.kind'), width: 90, render: (_, r) => t(`gov.audits.kind.${r.kind}`) },
          { key: 'subject', title: t('gov.audits.columns.subject'), dataIndex: 'subject' },
          { key: 'plannedOn', title: t('gov.audits.columns.plannedOn'), width: 105, dataIndex: 'plannedOn' },
          { key: 'doneOn', title: t('gov.audits.columns.doneOn'), width: 105, render: (_, r) => r.doneOn ?? t('gov.none') },
          { key: 'findings', title: t('gov.audits.columns.findings'), ellipsis: true, render: (_, r) => r.findings || t('gov.none') },
          {
            key: 'rectifications',
            title: t('gov.audits.columns.rectifications'),
            width: 90,
            render: (_, r) => (
              <span>
                {r.rectifications.filter((x) => x.doneOn).length}/{r.rectifications.length}
                {r.rectifications.some((x) => x.overdue) && <Tag color="red" style={{ marginLeft: 6 }}>!</Tag>}
              </span>
            ),
          },
          { key: 'disclosedOn', title: t('gov.audits.columns.disclosedOn'), width: 105, render: (_, r) => r.disclosedOn ?? t('gov.none') },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t('gov.audits.actions'),
                  width: 80,
                  render: (_: unknown, r: AuditInfo) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(r);
                        setOpen(true);
                      }}
                    >
                      {t('gov.audits.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && <AuditModal open={open} year={year} editing={editing} communities={communities} onClose={() => setOpen(false)} onSaved={() => { setOpen(false); void list.reload(); void stats.reload(); }} />}
    </div>
  );
}
