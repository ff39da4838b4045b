// The projects' year cycle on the projects screen: where the year stands (set in spring, worked mid-year,
// closed at year end) and its three steps — approving the plan, a project's mid-year review, the year-end
// close with each project's result. Core refuses anything out of its phase; these forms only offer what fits.
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCycle, ProjectInfo } from '../../../../shared/api/contract-gov';
import { PROJECT_CLOSE_RESULTS, type ProjectCloseResult } from '../../../../shared/api/schemas-gov';
import { FormModal } from '../../components/FormModal';
import { useSaveForm } from '../counter/use-save-form';
import { day } from './gov-parts';

/** The year's state in one line, with the step that comes next for a clerk who may take it. */
export function CycleBar({ cycle, canEdit, onApprove, onClose }: { cycle: ProjectCycle; canEdit: boolean; onApprove: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const k = (key: string, v?: Record<string, unknown>) => t(`gov.projects.cycle.${key}`, v);
  const text =
    cycle.phase === 'closed'
      ? k('closed', { closedOn: cycle.closedOn, closedBy: cycle.closedBy })
      : cycle.phase === 'working'
        ? k('working', { approvedOn: cycle.approvedOn, approvedBy: cycle.approvedBy, reviewed: cycle.reviewed, total: cycle.total })
        : k(cycle.approvalLate ? 'late' : 'setting', { approveBy: cycle.approveBy });
  const type = cycle.phase === 'closed' ? 'success' : cycle.approvalLate ? 'warning' : 'info';
  const action =
    !canEdit || cycle.phase === 'closed' ? undefined : cycle.phase === 'setting' ? (
      <Button size="small" type="primary" disabled={cycle.total === 0} onClick={onApprove}>
        {k('approve')}
      </Button>
    ) : (
      <Button size="small" onClick={onClose}>
        {k('close')}
      </Button>
    );
  return <Alert data-testid="gov-project-cycle" className="gov-cycle" type={type} showIcon message={`${k(`phase.${cycle.phase}`)} · ${text}`} action={action} />;
}

interface StepValues {
  on: Dayjs | null;
  by: string;
}

/** The day and who decided: the same two fields on the plan's approval and the year's close. */
function StepFields() {
  const { t } = useTranslation();
  return (
    <div className="gov-form-row">
      <Form.Item name="on" label={t('gov.projects.cycle.on')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="by" label={t('gov.projects.cycle.by')}>
        <Input autoFocus />
      </Form.Item>
    </div>
  );
}

export function ApproveModal({ open, cycle, onClose, onSaved }: { open: boolean; cycle: ProjectCycle; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<StepValues, 'projects.approveYear'>('projects.approveYear', ['year', 'on', 'by'], (v) => ({ year: cycle.year, on: day(v.on), by: v.by }), onSaved);
  useEffect(() => {
    if (open) form.setFieldsValue({ on: dayjs(), by: '' });
  }, [open, form]);
  return (
    <FormModal open={open} title={t('gov.projects.cycle.approveTitle', { year: cycle.year, total: cycle.total })} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <p className="cell-muted">{t('gov.projects.cycle.approveNote')}</p>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <StepFields />
      </Form>
    </FormModal>
  );
}

interface ReviewValues {
  progress: number | null;
  note: string;
  on: Dayjs | null;
}

export function ReviewModal({ project, onClose, onSaved }: { project: ProjectInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<ReviewValues, 'projects.review'>(
    'projects.review',
    ['progress', 'note', 'on'],
    (v) => ({ id: project?.id ?? 0, version: project?.version ?? 0, progress: v.progress ?? Number.NaN, note: v.note ?? '', on: day(v.on) }),
    onSaved,
  );
  useEffect(() => {
    if (project) form.setFieldsValue({ progress: project.reviewProgress, note: project.reviewNote, on: project.reviewedOn ? dayjs(project.reviewedOn) : dayjs() });
  }, [project, form]);
  return (
    <FormModal open={project !== null} title={t('gov.projects.cycle.reviewTitle', { name: project?.name ?? '' })} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="gov-form-row">
          <Form.Item name="progress" label={t('gov.projects.cycle.progress')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} autoFocus />
          </Form.Item>
          <Form.Item name="on" label={t('gov.projects.cycle.on')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('gov.projects.cycle.note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface CloseValues extends StepValues {
  results: Record<number, { result?: ProjectCloseResult; reason?: string }>;
}

/** Each project's result defaults to what the register says: done projects done, the others not done. */
export function CloseModal({ open, cycle, projects, onClose, onSaved }: { open: boolean; cycle: ProjectCycle; projects: ProjectInfo[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<CloseValues, 'projects.closeYear'>(
    'projects.closeYear',
    ['year', 'on', 'by', 'results'],
    (v) => ({
      year: cycle.year,
      on: day(v.on),
      by: v.by,
      results: projects.map((p) => ({ id: p.id, result: v.results?.[p.id]?.result ?? (p.status === 'done' ? 'done' : 'not_done'), reason: v.results?.[p.id]?.reason ?? '' })),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ on: dayjs(), by: '', results: Object.fromEntries(projects.map((p) => [p.id, { result: p.status === 'done' ? 'done' : 'not_done', reason: '' }])) });
  }, [open, projects, form]);
  return (
    <FormModal open={open} title={t('gov.projects.cycle.closeTitle', { year: cycle.year })} saving={saving} width={760} onSubmit={() => void submit()} onClose={onClose}>
      <p className="cell-muted">{t('gov.projects.cycle.closeNote')}</p>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <StepFields />
        <Table<ProjectInfo>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ y: 300 }}
          dataSource={projects}
          columns={[
            { key: 'name', title: t('gov.projects.columns.name'), dataIndex: 'name' },
            { key: 'status', title: t('gov.projects.columns.status'), width: 90, render: (_, r) => t(`gov.projects.status.${r.status}`) },
            {
              key: 'result',
              title: t('gov.projects.columns2.closeResult'),
              width: 120,
              render: (_, r) => (
                <Form.Item name={['results', r.id, 'result']} noStyle>
                  <Select aria-label={`${r.name} ${t('gov.projects.columns2.closeResult')}`} style={{ width: 100 }} options={PROJECT_CLOSE_RESULTS.map((x) => ({ value: x, label: t(`gov.projects.cycle.result.${x}`) }))} />
                </Form.Item>
              ),
            },
            {
              key: 'reason',
              title: t('gov.projects.cycle.reason'),
              width: 220,
              render: (_, r) => (
                <Form.Item name={['results', r.id, 'reason']} noStyle>
                  <Input aria-label={`${r.name} ${t('gov.projects.cycle.reason')}`} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </FormModal>
  );
}
