// 项目: the year's projects by type, each community's completion and the street's (done ÷ total to one decimal,
// as core counts it with integers), milestones past their date, the year's cycle (ProjectCycle.tsx), and the
// project list with budgets in yuan (kept in fen); an open project is edited in the same form it was entered in.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/api/contract-gov';
import { PROJECT_STATUSES, PROJECT_TYPES, type ProjectStatus, type ProjectType } from '../../../../shared/api/schemas-gov';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { PrintButton } from '../../print/PrintButton';
import { useSaveForm } from '../counter/use-save-form';
import { ApproveModal, CloseModal, CycleBar, ReviewModal } from './ProjectCycle';
import { CommunitySelect, Figure, STREET, datedLines, optionalDay, parseDatedLines, rateText, toCommunityId, type TabProps } from './gov-parts';

/** "1250.5" yuan → 125050 fen, by the digits (no float); NaN when it is not an amount. */
export function yuanToFen(text: string): number {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const fenToYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface Values {
  name: string;
  type: ProjectType;
  communityId: number;
  owner: string;
  budget: string;
  status: ProjectStatus;
  completedOn: Dayjs | null;
  evidence: string;
  milestones: string;
}

function ProjectModal({ open, year, editing, communities, onClose, onSaved }: { open: boolean; year: number; editing: ProjectInfo | null; communities: TabProps['communities']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'projects.save'>(
    'projects.save',
    ['name', 'type', 'communityId', 'owner', 'budgetFen', 'status', 'completedOn', 'evidence', 'milestones', 'year'],
    (v) => ({
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      name: v.name,
      type: v.type,
      year: editing?.year ?? year,
      communityId: toCommunityId(v.communityId),
      owner: v.owner,
      budgetFen: yuanToFen(v.budget || '0'),
      status: v.status,
      completedOn: optionalDay(v.completedOn),
      evidence: v.evidence,
      milestones: parseDatedLines(v.milestones).map(({ text, dueOn, doneOn }) => ({ title: text, dueOn, doneOn })),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        name: editing.name,
        type: editing.type,
        communityId: editing.communityId ?? STREET,
        owner: editing.owner,
        budget: fenToYuan(editing.budgetFen),
        status: editing.status,
        completedOn: editing.completedOn ? dayjs(editing.completedOn) : null,
        evidence: editing.evidence,
        milestones: datedLines(editing.milestones.map((m) => ({ text: m.title, dueOn: m.dueOn, doneOn: m.doneOn }))),
      });
    else form.setFieldsValue({ name: '', type: 'secretary', communityId: communities[0]?.value ?? STREET, owner: '', budget: '0', status: 'planned', completedOn: null, evidence: '', milestones: '' });
  }, [open, editing, communities, form]);
  const f = (key: string) => t(`gov.projects.form.${key}`);
  return (
    <FormModal open={open} title={editing ? t('gov.projects.editTitle', { name: editing.name }) : t('gov.projects.new')} saving={saving} width={640} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="name" label={f('name')}>
          <Input autoFocus />
        </Form.Item>
        <div className="gov-form-row">
          <Form.Item name="type" label={f('type')}>
            <Select options={PROJECT_TYPES.map((p) => ({ value: p, label: t(`gov.projects.type.${p}`) }))} />
          </Form.Item>
          <Form.Item name="communityId" label={f('communityId')}>
            <CommunitySelect communities={communities} withStreet />
          </Form.Item>
          <Form.Item name="owner" label={f('owner')}>
            <Input />
          </Form.Item>
          <Form.Item name="budget" label={f('budget')}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="status" label={f('status')}>
            <Select options={PROJECT_STATUSES.map((p) => ({ value: p, label: t(`gov.projects.status.${p}`) }))} />
          </Form.Item>
          <Form.Item name="completedOn" label={f('completedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="milestones" label={f('milestones')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="evidence" label={f('evidence')}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ProjectsTab({ canEdit, communities }: TabProps) {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const [type, setType] = useState<ProjectType | undefined>();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<ProjectInfo | null>(null);
  const [reviewing, setReviewing] = useState<ProjectInfo | null>(null);
  const [step, setStep] = useState<'approve' | 'close' | null>(null);
  const stats = useApi('projects.stats', { year, ...(type ? { type } : {}) }, [year, type]);
  const list = useApi('projects.list', { year, ...(type ? { type } : {}) }, [year, type]);
  const s = stats.data;
  const phase = s?.cycle.phase;
  // Every project of the year for the close (the list may be filtered by type).
  const all = useApi('projects.list', { year }, [year, step]);
  const reload = () => {
    void stats.reload();
    void list.reload();
  };
  return (
    <div>
      <div className="gov-toolbar">
        <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && setYear(d.year())} aria-label={t('gov.year')} />
        <Select allowClear placeholder={t('gov.projects.columns.type')} style={{ minWidth: 150 }} value={type} onChange={(v) => setType(v)} options={PROJECT_TYPES.map((p) => ({ value: p, label: t(`gov.projects.type.${p}`) }))} />
        <span className="gov-spacer" />
        <PrintButton doc="govProjects" params={{ year, type }} label={t('gov.projects.print')} />
        {canEdit && phase === 'setting' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('gov.projects.new')}
          </Button>
        )}
      </div>
      {s && <CycleBar cycle={s.cycle} canEdit={canEdit} onApprove={() => setStep('approve')} onClose={() => setStep('close')} />}
      {s && (
        <div className="gov-figures">
          <Figure label={`${t('gov.projects.street')} ${t('gov.rate')}`} value={<span data-testid="gov-street-rate">{rateText(s.street.rate)}</span>} />
          {s.byType
            .filter((r) => r.total > 0)
            .map((r) => (
              <Figure key={r.type} label={`${t(`gov.projects.type.${r.type}`)} ${t('gov.doneOfTotal', { done: r.done, total: r.total })}`} value={rateText(r.rate)} />
            ))}
          {s.overdueMilestones > 0 && <Figure warning label={t('gov.projects.overdueMilestones', { count: s.overdueMilestones })} value={s.overdueMilestones} />}
        </div>
      )}
      {s && s.byCommunity.length > 0 && (
        <div className="gov-due" aria-label={t('gov.projects.byCommunity')}>
          {s.byCommunity.map((c) => (
            <Tag key={String(c.communityId)}>
              {c.communityName} {t('gov.doneOfTotal', { done: c.done, total: c.total })} · {rateText(c.rate)}
            </Tag>
          ))}
        </div>
      )}
      {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
      <Table<ProjectInfo>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 6, showSizeChanger: false }}
        columns={[
          { key: 'name', title: t('gov.projects.columns.name'), dataIndex: 'name' },
          { key: 'type', title: t('gov.projects.columns.type'), width: 110, render: (_, r) => t(`gov.projects.type.${r.type}`) },
          { key: 'community', title: t('gov.projects.columns.community'), width: 100, render: (_, r) => r.communityName ?? t('gov.street') },
          { key: 'owner', title: t('gov.projects.columns.owner'), width: 80, dataIndex: 'owner' },
          { key: 'budget', title: t('gov.projects.columns.budget'), width: 110, align: 'right', render: (_, r) => fenToYuan(r.budgetFen) },
          { key: 'status', title: t('gov.projects.columns.status'), width: 90, render: (_, r) => <Tag color={r.status === 'done' ? 'green' : r.status === 'dropped' ? 'default' : 'blue'}>{t(`gov.projects.status.${r.status}`)}</Tag> },
          {
            key: 'milestones',
            title: t('gov.projects.columns.milestones'),
            width: 80,
            render: (_, r) => (
              <span>
                {r.milestones.filter((m) => m.doneOn).length}/{r.milestones.length}
                {r.overdueMilestones > 0 && <Tag color="red" style={{ marginLeft: 6 }}>{r.overdueMilestones}</Tag>}
              </span>
            ),
          },
          { key: 'completedOn', title: t('gov.projects.columns.completedOn'), width: 100, render: (_, r) => r.completedOn ?? t('gov.none') },
          {
            key: 'review',
            title: t('gov.projects.columns2.review'),
            width: 90,
            // The date and the findings on hover: the list has to fit 1366 px with the project's name readable.
            render: (_, r) => (r.reviewProgress === null ? t('gov.none') : <span title={`${r.reviewedOn ?? ''} ${r.reviewNote}`}>{`${r.reviewProgress}%`}</span>),
          },
          ...(phase === 'closed'
            ? [{ key: 'closeResult', title: t('gov.projects.columns2.closeResult'), width: 90, render: (_: unknown, r: ProjectInfo) => (r.closeResult ? <span title={r.closeReason}>{t(`gov.projects.cycle.result.${r.closeResult}`)}</span> : t('gov.none')) }]
            : []),
          ...(canEdit && phase !== undefined && phase !== 'closed'
            ? [
                {
                  key: 'actions',
                  title: t('gov.projects.actions'),
                  width: 140,
                  render: (_: unknown, r: ProjectInfo) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(r);
                          setOpen(true);
                        }}
                      >
                        {t('gov.projects.edit')}
                      </Button>
                      {phase === 'working' && (
                        <Button size="small" onClick={() => setReviewing(r)}>
                          {t('gov.projects.cycle.review')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <ProjectModal
          open={open}
          year={year}
          editing={editing}
          communities={communities}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            reload();
          }}
        />
      )}
      {canEdit && s && (
        <>
          <ApproveModal open={step === 'approve'} cycle={s.cycle} onClose={() => setStep(null)} onSaved={() => { setStep(null); reload(); }} />
          <CloseModal open={step === 'close'} cycle={s.cycle} projects={all.data ?? []} onClose={() => setStep(null)} onSaved={() => { setStep(null); reload(); }} />
          <ReviewModal project={reviewing} onClose={() => setReviewing(null)} onSaved={() => { setReviewing(null); reload(); }} />
        </>
      )}
    </div>
  );
}
