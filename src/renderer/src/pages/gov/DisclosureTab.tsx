// 公开: the open column's items with their steps (drafted → reviewed → approved → published, who and when),
// this month's areas on time / due / overdue, corrections of published items, and the board to print.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureInfo } from '../../../../shared/api/contract-gov';
import { DISCLOSURE_AREAS, type DisclosureArea, type DisclosureStep } from '../../../../shared/api/schemas-gov';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { PrintButton } from '../../print/PrintButton';
import { useSaveForm } from '../counter/use-save-form';
import { CommunitySelect, STREET, day, toCommunityId, type TabProps } from './gov-parts';
import { AttachmentsModal } from '../../components/Attachments';

interface DraftValues {
  communityId: number;
  area: DisclosureArea;
  title: string;
  content: string;
  attachments: string;
  major: boolean;
  periodFrom: Dayjs | null;
  periodTo: Dayjs | null;
  draftedBy: string;
  draftedOn: Dayjs | null;
}

const NEXT_STEP: Partial<Record<DisclosureInfo['status'], DisclosureStep>> = { drafted: 'review', reviewed: 'approve', approved: 'publish' };
const STATUS_COLOR: Record<DisclosureInfo['status'], string> = { drafted: 'default', reviewed: 'blue', approved: 'gold', published: 'green', superseded: 'default' };

/**
 * A new draft, a correction of a published item (`corrects`), or a draft not yet sent for review edited
 * (`editing`); core refuses a change to anything past the draft.
 */
function DraftModal({ open, corrects, editing, communities, onClose, onSaved }: { open: boolean; corrects: DisclosureInfo | null; editing: DisclosureInfo | null; communities: TabProps['communities']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<DraftValues, 'disclosure.save'>(
    'disclosure.save',
    ['communityId', 'area', 'title', 'content', 'attachments', 'periodFrom', 'periodTo', 'draftedBy', 'draftedOn', 'correctsId'],
    (v) => ({
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      communityId: toCommunityId(v.communityId),
      area: v.area,
      title: v.title,
      content: v.content,
      attachments: v.attachments.split('\n').map((a) => a.trim()).filter(Boolean),
      major: v.major,
      periodFrom: day(v.periodFrom),
      periodTo: day(v.periodTo),
      draftedBy: v.draftedBy,
      draftedOn: day(v.draftedOn),
      ...(corrects ? { correctsId: corrects.id } : {}),
    }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        communityId: editing.communityId ?? STREET,
        attachments: editing.attachments.join('\n'),
        periodFrom: dayjs(editing.periodFrom),
        periodTo: dayjs(editing.periodTo),
        draftedOn: dayjs(editing.draftedOn),
      } as DraftValues);
      return;
    }
    const base = corrects
      ? { ...corrects, communityId: corrects.communityId ?? STREET, attachments: corrects.attachments.join('\n'), periodFrom: dayjs(corrects.periodFrom), periodTo: dayjs(corrects.periodTo), title: t('gov.disclosure.correctionOf', { title: corrects.title }) }
      : { communityId: communities[0]?.value ?? STREET, area: 'finance', title: '', content: '', attachments: '', major: false, periodFrom: dayjs().startOf('month'), periodTo: dayjs().endOf('month') };
    form.setFieldsValue({ ...base, draftedBy: '', draftedOn: dayjs() } as DraftValues);
  }, [open, corrects, editing, communities, form, t]);
  const f = (key: string) => t(`gov.disclosure.form.${key}`);
  const title = editing ? t('gov.disclosure.editTitle', { title: editing.title }) : corrects ? t('gov.disclosure.correct') : t('gov.disclosure.new');
  return (
    <FormModal open={open} title={title} saving={saving} width={640} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="gov-form-row">
          <Form.Item name="communityId" label={f('communityId')}>
            <CommunitySelect communities={communities} withStreet />
          </Form.Item>
          <Form.Item name="area" label={f('area')}>
            <Select disabled={!!corrects || editing?.correctsId != null} options={DISCLOSURE_AREAS.map((a) => ({ value: a, label: t(`gov.area.${a}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={f('title')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="content" label={f('content')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <div className="gov-form-row">
          <Form.Item name="periodFrom" label={f('periodFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodTo" label={f('periodTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="draftedBy" label={f('draftedBy')}>
            <Input />
          </Form.Item>
          <Form.Item name="draftedOn" label={f('draftedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="attachments" label={f('attachments')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="major" valuePropName="checked">
          <Checkbox>{t('gov.disclosure.major')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function AdvanceModal({ item, onClose, onSaved }: { item: DisclosureInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const step = item ? NEXT_STEP[item.status] : undefined;
  const { form, saving, submit } = useSaveForm<{ by: string; on: Dayjs | null }, 'disclosure.advance'>(
    'disclosure.advance',
    ['by', 'on', 'step', 'id'],
    (v) => ({ id: item?.id ?? 0, version: item?.version ?? 1, step: step ?? 'review', by: v.by, on: day(v.on) }),
    onSaved,
  );
  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({ by: '', on: dayjs() });
  }, [item, form]);
  return (
    <FormModal open={!!item} title={item && step ? t('gov.disclosure.advanceTitle', { step: t(`gov.disclosure.advance.${step}`), title: item.title }) : ''} saving={saving} width={460} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="by" label={t('gov.disclosure.by')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="on" label={t('gov.disclosure.on')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface CommentValues {
  residentName: string;
  comment: string;
  receivedOn: Dayjs | null;
  answer: string;
  answeredOn: Dayjs | null;
}

/** Residents' comments on a published item, each with its answer: a new one, or the answer to one picked from the list. */
function CommentsModal({ item, canEdit, onClose, onSaved }: { item: DisclosureInfo | null; canEdit: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState<number | undefined>();
  const { form, saving, submit } = useSaveForm<CommentValues, 'disclosure.comment'>(
    'disclosure.comment',
    ['residentName', 'comment', 'receivedOn', 'answer', 'answeredOn'],
    (v) => ({ id: answering, disclosureId: item?.id ?? 0, residentName: v.residentName, comment: v.comment, receivedOn: day(v.receivedOn), answer: v.answer || null, answeredOn: v.answeredOn ? day(v.answeredOn) : null }),
    onSaved,
  );
  useEffect(() => {
    if (!item) return;
    setAnswering(undefined);
    form.resetFields();
    form.setFieldsValue({ residentName: '', comment: '', receivedOn: dayjs(), answer: '', answeredOn: null });
  }, [item, form]);
  const pick = (c: DisclosureInfo['comments'][number]) => {
    setAnswering(c.id);
    form.setFieldsValue({ residentName: c.residentName, comment: c.comment, receivedOn: dayjs(c.receivedOn), answer: c.answer ?? '', answeredOn: c.answeredOn ? dayjs(c.answeredOn) : dayjs() });
  };
  const f = (key: string) => t(`gov.disclosure.comments.${key}`);
  const title = item ? t('gov.disclosure.comments.title', { title: item.title }) : '';
  const list = (
    <Table
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: f('none') }}
        dataSource={item?.comments ?? []}
        columns={[
          { key: 'who', title: f('residentName'), width: 90, render: (_, c) => c.residentName },
          { key: 'comment', title: f('comment'), render: (_, c) => `${c.receivedOn} ${c.comment}` },
          { key: 'answer', title: f('answer'), render: (_, c) => (c.answer ? `${c.answeredOn ?? ''} ${c.answer}` : <Tag color="orange">{f('unanswered')}</Tag>) },
          ...(canEdit ? [{ key: 'pick', width: 70, render: (_: unknown, c: DisclosureInfo['comments'][number]) => <Button size="small" onClick={() => pick(c)}>{f('reply')}</Button> }] : []),
        ]}
      />
  );
  // A viewer reads the comments and answers; only a clerk records them.
  if (!canEdit) {
    return (
      <Modal open={!!item} title={title} footer={null} width={640} onCancel={onClose}>
        {list}
      </Modal>
    );
  }
  return (
    <FormModal open={!!item} title={title} saving={saving} width={640} onSubmit={() => void submit()} onClose={onClose}>
      {list}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()} style={{ marginTop: 12 }}>
        <div className="gov-form-row">
          <Form.Item name="residentName" label={f('residentName')}>
            <Input disabled={answering !== undefined} />
          </Form.Item>
          <Form.Item name="receivedOn" label={f('receivedOn')}>
            <DatePicker style={{ width: '100%' }} disabled={answering !== undefined} />
          </Form.Item>
        </div>
        <Form.Item name="comment" label={f('comment')}>
          <Input.TextArea rows={2} disabled={answering !== undefined} />
        </Form.Item>
        <div className="gov-form-row">
          <Form.Item name="answer" label={f('answer')}>
            <Input />
          </Form.Item>
          <Form.Item name="answeredOn" label={f('answeredOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </FormModal>
  );
}

export function DisclosureTab({ canEdit, communities }: TabProps) {
  const { t } = useTranslation();
  const [community, setCommunity] = useState<number | undefined>();
  const [period, setPeriod] = useState(dayjs().format('YYYY-MM'));
  const [draftOpen, setDraftOpen] = useState(false);
  const [corrects, setCorrects] = useState<DisclosureInfo | null>(null);
  const [editing, setEditing] = useState<DisclosureInfo | null>(null);
  const [advancing, setAdvancing] = useState<DisclosureInfo | null>(null);
  const [commenting, setCommenting] = useState<DisclosureInfo | null>(null);
  const [files, setFiles] = useState<{ owner: 'disclosure'; ownerId: number; title: string } | null>(null);
  const communityId = community === undefined || community === STREET ? undefined : community;
  const items = useApi('disclosure.list', communityId ? { communityId } : {}, [communityId]);
  const due = useApi('disclosure.due', { period, ...(communityId ? { communityId } : {}) }, [period, communityId]);
  const shown = (items.data ?? []).filter((d) => community === undefined || (community === STREET ? d.communityId === null : d.communityId === community));
  const reload = () => {
    void items.reload();
    void due.reload();
  };
  const dueRows = (due.data?.rows ?? []).filter((r) => community === undefined || (community === STREET ? r.communityId === null : r.communityId === community));
  const stepText = (by: string | null, on: string | null) => (by && on ? `${by} ${on}` : t('gov.none'));

  return (
    <div>
      <div className="gov-toolbar">
        <CommunitySelect communities={communities} withStreet allowAll value={community} onChange={setCommunity} />
        <DatePicker picker="month" value={dayjs(`${period}-01`)} allowClear={false} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('gov.month')} />
        {due.data && <span className="gov-muted">{t('gov.disclosure.fixedDay', { day: due.data.fixedDay })}</span>}
        <span className="gov-spacer" />
        <PrintButton doc="govBoard" params={{ community: community === undefined || community === STREET ? undefined : community }} label={t('gov.disclosure.printBoard')} />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraftOpen(true)}>
            {t('gov.disclosure.new')}
          </Button>
        )}
      </div>
      <div className="gov-due" aria-label={t('gov.disclosure.dueTitle')}>
        {dueRows.map((r) => (
          <Tag key={`${r.communityId}:${r.area}`} color={r.state === 'onTime' ? 'green' : r.state === 'due' ? 'gold' : 'red'}>
            {r.communityName} · {t(`gov.area.${r.area}`)} · {t(`gov.dueState.${r.state}`)}
          </Tag>
        ))}
      </div>
      {items.error ? <div className="load-error">{errorText(items.error)}</div> : null}
      <Table<DisclosureInfo>
        rowKey="id"
        size="small"
        loading={items.loading}
        dataSource={shown}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { key: 'community', title: t('gov.community'), width: 110, render: (_, r) => r.communityName ?? t('gov.street') },
          { key: 'area', title: t('gov.disclosure.columns.area'), width: 70, render: (_, r) => t(`gov.area.${r.area}`) },
          {
            key: 'title',
            title: t('gov.disclosure.columns.title'),
            render: (_, r) => (
              <span>
                {r.title}
                {r.major && <Tag color="red" style={{ marginLeft: 6 }}>{t('gov.disclosure.major')}</Tag>}
                {r.onFixedDay === false && <Tag color="orange" style={{ marginLeft: 6 }}>{t('gov.disclosure.lateFlag')}</Tag>}
              </span>
            ),
          },
          { key: 'period', title: t('gov.disclosure.columns.period'), width: 190, render: (_, r) => `${r.periodFrom} ~ ${r.periodTo}` },
          { key: 'status', title: t('gov.disclosure.columns.status'), width: 80, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`gov.disclosureStatus.${r.status}`)}</Tag> },
          {
            key: 'steps',
            title: t('gov.disclosure.columns.steps'),
            width: 230,
            render: (_, r) => (
              <div className="gov-steps">
                {stepText(r.reviewedBy, r.reviewedOn)} / {stepText(r.approvedBy, r.approvedOn)} / {stepText(r.publishedBy, r.publishedOn)}
              </div>
            ),
          },
          {
            key: 'comments',
            title: t('gov.disclosure.columns.comments'),
            width: 86,
            align: 'right',
            render: (_, r) =>
              r.publishedOn ? (
                <Button size="small" type="link" onClick={() => setCommenting(r)}>
                  {r.comments.length}
                </Button>
              ) : (
                r.comments.length
              ),
          },
          {
            key: 'files',
            title: t('attachments.button'),
            width: 70,
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => setFiles({ owner: 'disclosure', ownerId: r.id, title: r.title })}>
                {t('attachments.button')}
              </Button>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: DisclosureInfo) => {
                    const step = NEXT_STEP[r.status];
                    return (
                      <Space size={4}>
                        {r.status === 'drafted' && (
                          <Button size="small" onClick={() => { setEditing(r); setDraftOpen(true); }}>
                            {t('gov.disclosure.edit')}
                          </Button>
                        )}
                        {step && (
                          <Button size="small" onClick={() => setAdvancing(r)}>
                            {t(`gov.disclosure.advance.${step}`)}
                          </Button>
                        )}
                        {r.status === 'published' && (
                          <Tooltip title={t('gov.disclosure.correct')}>
                            <Button size="small" onClick={() => { setCorrects(r); setDraftOpen(true); }}>
                              {t('gov.disclosure.correct')}
                            </Button>
                          </Tooltip>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <AttachmentsModal target={files} canEdit={canEdit} onClose={() => setFiles(null)} />
      <CommentsModal item={commenting} canEdit={canEdit} onClose={() => setCommenting(null)} onSaved={() => { setCommenting(null); reload(); }} />
      {canEdit && (
        <>
          <DraftModal
            open={draftOpen}
            corrects={corrects}
            editing={editing}
            communities={communities}
            onClose={() => { setDraftOpen(false); setCorrects(null); setEditing(null); }}
            onSaved={() => { setDraftOpen(false); setCorrects(null); setEditing(null); reload(); }}
          />
          <AdvanceModal item={advancing} onClose={() => setAdvancing(null)} onSaved={() => { setAdvancing(null); reload(); }} />
        </>
      )}
    </div>
  );
}
