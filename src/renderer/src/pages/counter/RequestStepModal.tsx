// One step of a request: start (with the assignee), request documents (the clock stops), documents in (it
// resumes and the due date moves), extend with a reason, complete with the resident's satisfaction, transfer,
// return to the guidance list, or record satisfaction later. The core's refusals show above the form.
import { Alert, App, Form, Input, InputNumber, Rate, Segmented, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type Method } from '../../../../shared/api/contract';
import type { ServiceRequestRow } from '../../../../shared/api/contract-counter';
import { ASSIGNEE_KINDS, type AssigneeKind } from '../../../../shared/api/schemas-counter';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import { MemberPicker } from '../transfers/MemberPicker';

export const REQUEST_STEPS = ['start', 'pause', 'resume', 'extend', 'complete', 'transfer', 'returnToGuidance', 'rate'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** The steps a request in its state offers, in the order the drawer shows them. */
export function stepsFor(r: ServiceRequestRow): RequestStep[] {
  if (r.status === 'done') return r.satisfaction === null ? ['rate'] : [];
  if (r.closed) return [];
  if (r.status === 'waiting_docs') return ['resume', 'extend', 'transfer', 'returnToGuidance'];
  return ['start', 'complete', 'pause', 'extend', 'transfer', 'returnToGuidance'];
}

const STEP_FIELDS: Record<RequestStep, string[]> = {
  start: ['assigneeKind', 'assigneeName', 'memberId', 'volunteerId'],
  complete: ['result', 'satisfaction', 'satisfactionComment'],
  pause: ['missingDocuments'],
  resume: [],
  extend: ['days', 'reason'],
  transfer: ['transferredTo', 'reason'],
  returnToGuidance: ['guidanceTo', 'note'],
  rate: ['satisfaction', 'satisfactionComment'],
};

interface Values {
  assigneeKind: AssigneeKind;
  assigneeName: string;
  memberId: number | null;
  volunteerId: number | null;
  result: string;
  satisfaction: number;
  satisfactionComment: string;
  missingDocuments: string;
  days: number | null;
  reason: string;
  transferredTo: string;
  guidanceTo: string;
  note: string;
}

function inputFor(step: RequestStep, r: ServiceRequestRow, v: Values): Record<string, unknown> {
  const ref = { id: r.id, version: r.version };
  const rating = v.satisfaction ? { satisfaction: v.satisfaction, satisfactionComment: v.satisfactionComment } : {};
  switch (step) {
    case 'start':
      return {
        ...ref,
        assigneeKind: v.assigneeKind,
        ...(v.assigneeKind === 'staff' ? { assigneeName: v.assigneeName } : {}),
        ...(v.assigneeKind === 'member' && v.memberId ? { memberId: v.memberId } : {}),
        ...(v.assigneeKind === 'volunteer' && v.volunteerId ? { volunteerId: v.volunteerId } : {}),
      };
    case 'complete':
      return { ...ref, result: v.result, ...rating };
    case 'rate':
      return { ...ref, satisfaction: v.satisfaction, satisfactionComment: v.satisfactionComment };
    case 'pause':
      return { ...ref, missingDocuments: v.missingDocuments };
    case 'resume':
      return ref;
    case 'extend':
      return { ...ref, days: v.days ?? undefined, reason: v.reason };
    case 'transfer':
      return { ...ref, transferredTo: v.transferredTo, reason: v.reason };
    case 'returnToGuidance':
      return { ...ref, guidanceTo: v.guidanceTo, note: v.note };
  }
}

export function RequestStepModal({
  request,
  step,
  onClose,
  onDone,
}: {
  request: ServiceRequestRow | null;
  step: RequestStep | null;
  onClose: () => void;
  onDone: (request: ServiceRequestRow) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const satisfactionWords = t('counter.step.satisfactionWords', { returnObjects: true }) as string[];
  const stars = Form.useWatch('satisfaction', form) as number | undefined;
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const kind = Form.useWatch('assigneeKind', form) ?? 'staff';
  const volunteers = useApi('volunteers.list', {}, [], { enabled: step === 'start' });
  const fields = step ? STEP_FIELDS[step] : [];
  const labels: FieldLabels = useMemo(() => ({ id: request ? request.number : '' }), [request]);

  useEffect(() => {
    if (!step || !request) return;
    form.resetFields();
    form.setFieldsValue({
      assigneeKind: request.assigneeKind ?? 'staff',
      assigneeName: request.assigneeKind === 'staff' ? (request.assigneeName ?? user.displayName) : user.displayName,
      memberId: request.assigneeMemberId,
      volunteerId: request.assigneeVolunteerId,
      result: '',
      satisfaction: 0,
      satisfactionComment: '',
      missingDocuments: '',
      days: 1,
      reason: '',
      transferredTo: '',
      guidanceTo: '',
      note: '',
    });
    setRefusal(null);
  }, [step, request, form, user.displayName]);

  const submit = async () => {
    if (!step || !request) return;
    const method = `requests.${step}` as Method;
    const input = inputFor(step, request, form.getFieldsValue(true) as Values);
    const done = await submitChecked({
      form,
      schema: contract[method].input,
      input,
      fields,
      // Names the request (its number) in what is said above the form; no field is called `id`.
      labels,
      report,
      setSaving,
      onRefusal: setRefusal,
      call: () => (api.call as (m: Method, i: unknown) => Promise<ServiceRequestRow>)(method, input),
    });
    if (!done) return;
    void message.success(t(`counter.step.done.${step}`, { number: done.number }));
    onDone(done);
  };

  const rating = (
    <>
      <Form.Item name="satisfaction" label={t('counter.step.satisfaction')} extra={stars ? satisfactionWords[stars - 1] : undefined}>
        <Rate aria-label={t('counter.step.satisfaction')} tooltips={satisfactionWords} />
      </Form.Item>
      <Form.Item name="satisfactionComment" label={t('counter.step.satisfactionComment')}>
        <Input />
      </Form.Item>
    </>
  );

  return (
    <FormModal
      open={step !== null && request !== null}
      title={step ? `${t(`counter.step.${step}Title`)} · ${request?.number ?? ''}` : null}
      saving={saving}
      width={520}
      okText={step ? t(`counter.actions.${step}`) : undefined}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {refusal && <Alert type="error" showIcon title={refusal} className="step-refusal" role="alert" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        {step === 'start' && (
          <>
            <Form.Item name="assigneeKind" label={t('counter.step.assigneeKind')}>
              <Segmented options={ASSIGNEE_KINDS.map((k) => ({ value: k, label: t(`counter.assigneeKind.${k}`) }))} />
            </Form.Item>
            {kind === 'staff' && (
              <Form.Item name="assigneeName" label={t('counter.step.assigneeName')}>
                <Input autoFocus />
              </Form.Item>
            )}
            {kind === 'member' && (
              <Form.Item name="memberId" label={t('counter.step.member')}>
                <MemberPicker onPicked={() => undefined} />
              </Form.Item>
            )}
            {kind === 'volunteer' && (
              <Form.Item name="volunteerId" label={t('counter.step.volunteer')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={volunteers.loading}
                  options={(volunteers.data ?? []).map((v) => ({ value: v.id, label: `${v.name}${v.teamName ? `（${v.teamName}）` : ''}` }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {step === 'complete' && (
          <>
            <Form.Item name="result" label={t('counter.step.result')}>
              <Input.TextArea autoFocus rows={3} />
            </Form.Item>
            {rating}
          </>
        )}
        {step === 'rate' && rating}
        {step === 'pause' && (
          <Form.Item name="missingDocuments" label={t('counter.step.missingDocuments')}>
            <Input autoFocus />
          </Form.Item>
        )}
        {step === 'resume' && <p className="step-text">{t('counter.step.resumeText')}</p>}
        {step === 'extend' && (
          <>
            <Form.Item name="days" label={t('counter.step.days')}>
              <InputNumber min={1} max={30} autoFocus />
            </Form.Item>
            <Form.Item name="reason" label={t('counter.step.reason')}>
              <Input />
            </Form.Item>
          </>
        )}
        {step === 'transfer' && (
          <>
            <Form.Item name="transferredTo" label={t('counter.step.transferredTo')}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item name="reason" label={t('counter.step.reason')}>
              <Input />
            </Form.Item>
          </>
        )}
        {step === 'returnToGuidance' && (
          <>
            <Form.Item name="guidanceTo" label={t('counter.step.guidanceTo')}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item name="note" label={t('counter.step.note')}>
              <Input />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
