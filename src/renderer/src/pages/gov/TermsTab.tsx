// 换届: each electing organization's last election, term and due day, with the reminders (6 and 3 months
// before, monthly once overdue) and direct elections marked; the term is recorded or adjusted with approval.
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermInfo } from '../../../../shared/api/contract-gov';
import type { OfficerPost } from '../../../../shared/api/schemas';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { useSaveForm } from '../counter/use-save-form';
import { day } from './gov-parts';

interface Values {
  orgId: number;
  electedOn: Dayjs | null;
  termYears: number | null;
  adjustMonths: number;
  adjustApproval: string;
  direct: boolean;
}

interface ElectValues {
  heldOn: Dayjs | null;
  present: number | null;
  direct: boolean;
  candidates: string;
  elected: string;
}

const POSTS: Record<string, OfficerPost> = { 书记: 'secretary', 副书记: 'deputy_secretary', 委员: 'committee_member', secretary: 'secretary', deputy: 'deputy_secretary', member: 'committee_member' };

/** "王建国 38" a line → { name, votes }; "王建国 书记 38" → with the post (书记 / 副书记 / 委员). */
function ballotLines(text: string): { name: string; post: OfficerPost; votes: number }[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map((parts) => ({ name: parts[0], post: POSTS[parts.length > 2 ? parts[1] : ''] ?? 'committee_member', votes: Number(parts[parts.length - 1]) }));
}

/** An election: checked against the roll's full members in core, it ends the outgoing terms and starts the elected committee's. */
function ElectModal({ term, onClose, onSaved }: { term: TermInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<ElectValues, 'terms.elect'>(
    'terms.elect',
    ['heldOn', 'present', 'direct', 'candidates', 'elected'],
    (v) => ({
      orgId: term?.orgId ?? 0,
      heldOn: day(v.heldOn),
      present: v.present ?? Number.NaN,
      direct: v.direct,
      candidates: ballotLines(v.candidates).map(({ name, votes }) => ({ name, votes })),
      elected: ballotLines(v.elected),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!term) return;
    form.resetFields();
    form.setFieldsValue({ heldOn: dayjs(), present: null, direct: term.direct, candidates: '', elected: '' });
  }, [term, form]);
  const f = (key: string) => t(`gov.terms.elect.${key}`);
  return (
    <FormModal open={!!term} title={term ? t('gov.terms.elect.title', { org: term.orgName }) : ''} saving={saving} width={600} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="gov-form-row">
          <Form.Item name="heldOn" label={f('heldOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="present" label={f('present')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="candidates" label={f('candidates')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="elected" label={f('elected')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="direct" valuePropName="checked">
          <Checkbox>{t('gov.terms.form.direct')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const REMINDER_COLOR: Record<string, string> = { sixMonths: 'gold', threeMonths: 'orange', overdue: 'red', unknown: 'default' };

function TermModal({ term, terms, onClose, onSaved }: { term: TermInfo | 'new' | null; terms: TermInfo[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'terms.save'>(
    'terms.save',
    ['orgId', 'electedOn', 'termYears', 'adjustMonths', 'adjustApproval', 'direct'],
    (v) => ({ orgId: v.orgId, electedOn: day(v.electedOn), ...(v.termYears ? { termYears: v.termYears } : {}), adjustMonths: v.adjustMonths ?? 0, adjustApproval: v.adjustApproval || null, direct: v.direct }),
    onSaved,
  );
  useEffect(() => {
    if (!term) return;
    form.resetFields();
    const x = term === 'new' ? null : term;
    form.setFieldsValue({ orgId: x?.orgId ?? terms[0]?.orgId, electedOn: x?.electedOn ? dayjs(x.electedOn) : null, termYears: x?.termYears ?? null, adjustMonths: x?.adjustMonths ?? 0, adjustApproval: x?.adjustApproval ?? '', direct: x?.direct ?? false });
  }, [term, terms, form]);
  const f = (key: string) => t(`gov.terms.form.${key}`);
  return (
    <FormModal open={!!term} title={t('gov.terms.record')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="orgId" label={f('orgId')}>
          <Select showSearch optionFilterProp="label" options={terms.map((x) => ({ value: x.orgId, label: x.orgName }))} />
        </Form.Item>
        <div className="gov-form-row">
          <Form.Item name="electedOn" label={f('electedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="termYears" label={f('termYears')}>
            <InputNumber min={1} max={5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="adjustMonths" label={f('adjustMonths')}>
            <InputNumber min={-12} max={12} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="adjustApproval" label={f('adjustApproval')}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="direct" valuePropName="checked">
          <Checkbox>{f('direct')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function TermsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<TermInfo | 'new' | null>(null);
  const [electing, setElecting] = useState<TermInfo | null>(null);
  const list = useApi('terms.list', {});
  const terms = list.data ?? [];
  return (
    <div>
      <div className="gov-toolbar">
        <span className="gov-spacer" />
        {canEdit && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('gov.terms.record')}
          </Button>
        )}
      </div>
      {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
      <Table<TermInfo>
        rowKey="orgId"
        size="small"
        loading={list.loading}
        dataSource={terms}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { key: 'org', title: t('gov.terms.columns.org'), dataIndex: 'orgName', width: 190 },
          { key: 'level', title: t('gov.terms.columns.level'), width: 110, render: (_, r) => t(`gov.terms.level.${r.level}`) },
          { key: 'community', title: t('gov.terms.columns.community'), width: 100, render: (_, r) => r.communityName ?? t('gov.none') },
          { key: 'electedOn', title: t('gov.terms.columns.electedOn'), width: 110, render: (_, r) => r.electedOn ?? t('gov.none') },
          {
            key: 'term',
            title: t('gov.terms.columns.term'),
            width: 170,
            render: (_, r) => (
              <span>
                {t('gov.terms.years', { years: r.termYears })}
                {r.adjustMonths !== 0 && <span className="gov-muted">{t('gov.terms.adjusted', { months: r.adjustMonths, approval: r.adjustApproval ?? '' })}</span>}
              </span>
            ),
          },
          { key: 'dueOn', title: t('gov.terms.columns.dueOn'), width: 110, render: (_, r) => r.dueOn ?? t('gov.none') },
          {
            key: 'reminder',
            title: t('gov.terms.columns.reminder'),
            width: 140,
            render: (_, r) => r.reminder && <Tag color={REMINDER_COLOR[r.reminder]}>{t(`gov.terms.reminder.${r.reminder}`, { months: r.monthsOverdue })}</Tag>,
          },
          { key: 'direct', title: t('gov.terms.columns.direct'), width: 60, render: (_, r) => (r.direct ? '✓' : '') },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: TermInfo) => (
                    <span className="gov-toolbar" style={{ marginBottom: 0 }}>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('gov.standards.edit')}
                      </Button>
                      <Button size="small" onClick={() => setElecting(r)}>
                        {t('gov.terms.elect.button')}
                      </Button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <>
          <TermModal term={editing} terms={terms} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void list.reload(); }} />
          <ElectModal term={electing} onClose={() => setElecting(null)} onSaved={() => { setElecting(null); void list.reload(); }} />
        </>
      )}
    </div>
  );
}
