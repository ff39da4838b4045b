// 四议两公开: each matter with the steps done (date, attendance, votes) and the one step due next; recording
// a step goes strictly in order — core refuses anything else and says which step is due.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionInfo } from '../../../../shared/api/contract-gov';
import { MEETING_STEPS } from '../../../../shared/gov-rules';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { PrintButton } from '../../print/PrintButton';
import { useSaveForm } from '../counter/use-save-form';
import { CommunitySelect, day, type TabProps } from './gov-parts';

/** A new matter, or one whose decision is not yet published edited (its community stays). */
function MatterModal({ open, editing, communities, onClose, onSaved }: { open: boolean; editing: DecisionInfo | null; communities: TabProps['communities']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<{ communityId: number; title: string; summary: string }, 'decisions.save'>(
    'decisions.save',
    ['communityId', 'title', 'summary'],
    (v) => ({ ...(editing ? { id: editing.id } : {}), communityId: v.communityId, title: v.title, summary: v.summary }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { communityId: editing.communityId, title: editing.title, summary: editing.summary } : { communityId: communities[0]?.value, title: '', summary: '' });
  }, [open, editing, communities, form]);
  const f = (key: string) => t(`gov.decisions.form.${key}`);
  return (
    <FormModal open={open} title={editing ? t('gov.decisions.editTitle', { title: editing.title }) : t('gov.decisions.new')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="communityId" label={f('communityId')}>
          <CommunitySelect communities={communities} disabled={editing !== null} />
        </Form.Item>
        <Form.Item name="title" label={f('title')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="summary" label={f('summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface StepValues {
  heldOn: Dayjs | null;
  entitled: number | null;
  present: number | null;
  inFavour: number | null;
  note: string;
}

function StepModal({ matter, onClose, onSaved }: { matter: DecisionInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const step = matter?.next ?? 'proposal';
  const meeting = MEETING_STEPS.includes(step);
  const { form, saving, submit } = useSaveForm<StepValues, 'decisions.step'>(
    'decisions.step',
    ['heldOn', 'entitled', 'present', 'inFavour', 'note', 'step'],
    (v) => ({
      decisionId: matter?.id ?? 0,
      step,
      heldOn: day(v.heldOn),
      note: v.note,
      ...(meeting ? { entitled: v.entitled ?? undefined, present: v.present ?? undefined, inFavour: v.inFavour ?? undefined } : {}),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!matter) return;
    form.resetFields();
    form.setFieldsValue({ heldOn: dayjs(), entitled: null, present: null, inFavour: null, note: '' });
  }, [matter, form]);
  const f = (key: string) => t(`gov.decisions.form.${key}`);
  return (
    <FormModal open={!!matter} title={matter ? `${matter.title} · ${t(`gov.decisions.step.${step}`)}` : ''} saving={saving} width={520} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="heldOn" label={f('heldOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {meeting && (
          <div className="gov-form-row">
            <Form.Item name="entitled" label={f('entitled')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="present" label={f('present')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="inFavour" label={f('inFavour')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
        <Form.Item name="note" label={f('note')}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function DecisionsTab({ canEdit, communities }: TabProps) {
  const { t } = useTranslation();
  const [community, setCommunity] = useState<number | undefined>();
  const [newOpen, setNewOpen] = useState(false);
  const [editing, setEditing] = useState<DecisionInfo | null>(null);
  const [recording, setRecording] = useState<DecisionInfo | null>(null);
  const list = useApi('decisions.list', community ? { communityId: community } : {}, [community]);
  return (
    <div>
      <div className="gov-toolbar">
        <CommunitySelect communities={communities} allowAll value={community} onChange={setCommunity} />
        <span className="gov-spacer" />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setNewOpen(true);
            }}
          >
            {t('gov.decisions.new')}
          </Button>
        )}
      </div>
      {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
      <Table<DecisionInfo>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 6, showSizeChanger: false }}
        columns={[
          { key: 'title', title: t('gov.decisions.columns.title'), render: (_, r) => <strong>{r.title}</strong> },
          { key: 'community', title: t('gov.decisions.columns.community'), width: 110, dataIndex: 'communityName' },
          {
            key: 'progress',
            title: t('gov.decisions.columns.progress'),
            width: 210,
            render: (_, r) => (r.next ? <Tag color="blue">{t('gov.decisions.next', { step: t(`gov.decisions.step.${r.next}`) })}</Tag> : <Tag color="green">{t('gov.decisions.finished')}</Tag>),
          },
          {
            key: 'steps',
            title: t('gov.decisions.columns.steps'),
            render: (_, r) => (
              <div className="gov-steps">
                {r.steps.map((s) => (
                  <div key={s.step}>
                    {s.heldOn} {t(`gov.decisions.step.${s.step}`)}
                    {s.present !== null && <span className="gov-muted">{t('gov.decisions.attendance', { entitled: s.entitled, present: s.present, inFavour: s.inFavour })}</span>}
                  </div>
                ))}
              </div>
            ),
          },
          {
            key: 'actions',
            width: 250,
            render: (_: unknown, r: DecisionInfo) => (
              <span className="gov-toolbar" style={{ marginBottom: 0 }}>
                {canEdit && r.next && (
                  <Button size="small" onClick={() => setRecording(r)}>
                    {t('gov.decisions.record')}
                  </Button>
                )}
                {canEdit && !r.steps.some((x) => x.step === 'publishDecision') && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(r);
                      setNewOpen(true);
                    }}
                  >
                    {t('gov.decisions.edit')}
                  </Button>
                )}
                <PrintButton size="small" doc="govDecision" params={{ decision: r.id }} label={t('gov.decisions.print')} />
              </span>
            ),
          },
        ]}
      />
      {canEdit && (
        <>
          <MatterModal open={newOpen} editing={editing} communities={communities} onClose={() => setNewOpen(false)} onSaved={() => { setNewOpen(false); void list.reload(); }} />
          <StepModal matter={recording} onClose={() => setRecording(null)} onSaved={() => { setRecording(null); void list.reload(); }} />
        </>
      )}
    </div>
  );
}
