// One step of a person's path: the step (the next one offered first), its date with the window the rules
// allow, who took it and the document number, and what the step needs (training hours, the vote, contacts or
// introducers, the extension's months). The core's refusal appears under the field it names — a date too early
// reads "成为发展对象须在列为积极分子满一年后（2025-03-02 及以后）" under 日期.
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { DevelopPersonRow } from '../../../../shared/api/contract-develop';
import { RECORDED_STEPS } from '../../../../shared/api/schemas-develop';
import type { DevelopStep } from '../../../../shared/develop/rules';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import { useLanguage } from '../../lib/use-language';
import { MemberPicker } from '../transfers/MemberPicker';
import { stepName } from './develop-labels';

interface Values {
  step: Exclude<DevelopStep, 'applied'>;
  on: Dayjs | null;
  orgName: string;
  people: string;
  documentNumber: string;
  note: string;
  hours: number | null;
  days: number | null;
  months: number | null;
  memberIds: (number | null)[];
  attendance: number | null;
  votesFor: number | null;
  votesAgainst: number | null;
}

/** The steps offered at each stage, the path's order. */
const STEPS_AT: Record<DevelopPersonRow['stage'], readonly Values['step'][]> = {
  applicant: ['talked', 'activist'],
  activist: ['review', 'training', 'candidate'],
  candidate: ['politicalReview', 'training', 'preReview', 'notice', 'admitted'],
  probationary: ['approved', 'oath', 'extended', 'full', 'disqualified'],
  full: [],
  disqualified: [],
};

const FIELDS = ['step', 'on', 'orgName', 'people', 'documentNumber', 'note', 'hours', 'days', 'months', 'memberIds', 'attendance', 'votesFor', 'votesAgainst'] as const;
const VOTE_STEPS = new Set<string>(['admitted', 'full', 'disqualified']);
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

export function StepModal({ person, onClose, onDone }: { person: DevelopPersonRow | null; onClose: () => void; onDone: (row: DevelopPersonRow) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const k = (key: string, params?: Record<string, unknown>) => t(`develop.form.${key}`, params);
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const step = Form.useWatch('step', form);

  const offered = useMemo(() => (person ? STEPS_AT[person.stage] : []), [person]);
  useEffect(() => {
    if (!person) return;
    form.resetFields();
    const next = person.next?.step;
    const first = next && (RECORDED_STEPS as readonly string[]).includes(next) && offered.includes(next as Values['step']) ? (next as Values['step']) : offered[0];
    form.setFieldsValue({ step: first, on: dayjs(), memberIds: [] });
    setRefusal(null);
  }, [person, offered, form]);

  const labels: FieldLabels = useMemo(() => {
    const names = ['step', 'on', 'orgName', 'people', 'documentNumber', 'note', 'hours', 'days', 'months', 'attendance', 'votesFor', 'votesAgainst'] as const;
    return { ...Object.fromEntries(names.map((n) => [n, t(`develop.form.${n}`)])), memberIds: t(step === 'candidate' ? 'develop.form.introducers' : 'develop.form.contacts') };
  }, [t, step]);
  const window = person?.due.find((d) => d.step === step);
  const range = window ? [window.earliest ? t('develop.card.earliest', { date: window.earliest }) : null, window.latest ? t('develop.card.latest', { date: window.latest }) : null].filter(Boolean).join('，') : '';

  const submit = async () => {
    if (!person) return;
    const v = form.getFieldsValue(true) as Values;
    const memberIds = (v.memberIds ?? []).filter((m): m is number => typeof m === 'number');
    const input = {
      id: person.id,
      version: person.version,
      step: v.step,
      on: v.on ? v.on.format('YYYY-MM-DD') : '',
      orgName: v.orgName || undefined,
      people: v.people || undefined,
      documentNumber: v.documentNumber || undefined,
      note: v.note || undefined,
      ...(v.step === 'training' ? { hours: num(v.hours), days: num(v.days) } : {}),
      ...(v.step === 'extended' ? { months: num(v.months) } : {}),
      ...(v.step === 'activist' || v.step === 'candidate' ? { memberIds } : {}),
      ...(VOTE_STEPS.has(v.step) ? { attendance: num(v.attendance), votesFor: num(v.votesFor), votesAgainst: num(v.votesAgainst) } : {}),
    };
    const done = await submitChecked({
      form,
      schema: contract['develop.recordStep'].input,
      input,
      fields: FIELDS,
      labels,
      report,
      setSaving,
      onRefusal: setRefusal,
      call: () => api.call('develop.recordStep', input),
    });
    if (!done) return;
    const key = v.step === 'admitted' ? 'admitted' : v.step === 'full' || v.step === 'disqualified' ? v.step : 'saved';
    void message.success(k(key, { name: person.name, step: stepName(v.step, lang) }));
    onDone(done);
  };

  return (
    <FormModal open={person !== null} title={person ? `${k('title')} · ${person.name}` : ''} saving={saving} width={600} onSubmit={() => void submit()} onClose={onClose}>
      {refusal && <Alert className="modal-alert" type="error" showIcon title={k('refused', { reason: refusal })} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()} className="develop-step-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="step" label={labels.step}>
              <Select options={offered.map((s) => ({ value: s, label: stepName(s, lang) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="on" label={labels.on} extra={range ? k('window', { range }) : undefined}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        {(step === 'activist' || step === 'candidate') && (
          <Form.Item name="memberIds" label={labels.memberIds}>
            <TwoMembers />
          </Form.Item>
        )}
        {step === 'training' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="hours" label={labels.hours}>
                <InputNumber min={0} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="days" label={labels.days}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {step === 'extended' && (
          <Form.Item name="months" label={labels.months}>
            <InputNumber min={6} max={12} style={{ width: 160 }} />
          </Form.Item>
        )}
        {step && VOTE_STEPS.has(step) && (
          <Row gutter={12}>
            {(['attendance', 'votesFor', 'votesAgainst'] as const).map((f) => (
              <Col span={8} key={f}>
                <Form.Item name={f} label={labels[f]}>
                  <InputNumber min={0} max={10000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="orgName" label={labels.orgName}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="documentNumber" label={labels.documentNumber}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="people" label={labels.people}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea rows={2} maxLength={400} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

/** Two members of the roll side by side (培养联系人 1–2, 入党介绍人 2), as one form value. */
function TwoMembers({ id, value, onChange }: { id?: string; value?: (number | null)[]; onChange?: (value: (number | null)[]) => void }) {
  const pick = (i: number) => (m: number | null) => {
    const next = [...(value ?? [null, null])];
    next[i] = m;
    onChange?.(next);
  };
  return (
    <Row gutter={12} id={id}>
      <Col span={12}>
        <MemberPicker value={value?.[0] ?? null} onChange={pick(0)} onPicked={() => undefined} />
      </Col>
      <Col span={12}>
        <MemberPicker value={value?.[1] ?? null} onChange={pick(1)} onPicked={() => undefined} />
      </Col>
    </Row>
  );
}
