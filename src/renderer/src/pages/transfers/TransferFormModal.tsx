// 新建介绍信: the kind of transfer decides the rest — out and within name a member on the roll (searched
// by name or pinyin), in names the person arriving; each side is an organization of the street's tree or,
// outside the street, a name. Letter number (the street's own letters are numbered by core when left blank;
// the form shows the number they will get), issue date, validity, dues paid up to (required going out), note.
import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, TreeSelect, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ApiInput, type MemberRow, type TransferRow } from '../../../../shared/api/contract';
import { TRANSFER_VALID_DAYS, type TransferDirection } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { issueText, submitChecked, type FieldLabels } from '../../lib/form-issues';
import type { OrgIndex } from '../../lib/org-tree';
import { MemberPicker } from './MemberPicker';
import { orgOptions, type OrgOption } from './org-options';
import { DIRECTION_ORDER } from './transfer-labels';

interface Values {
  direction: TransferDirection;
  memberId: number | null;
  person: { name: string; idNumber: string; category: 'full' | 'probationary' };
  fromOrgId: number | null;
  fromOrgName: string;
  toOrgId: number | null;
  toOrgName: string;
  letterNumber: string;
  issuedOn: Dayjs | null;
  validDays: number | null;
  duesPaidTo: Dayjs | null;
  note: string;
}

const COMMON_FIELDS = ['direction', 'letterNumber', 'issuedOn', 'validDays', 'duesPaidTo', 'note'] as const;

/** The form's fields for each kind of transfer, as the contract names them. */
const FIELDS: Record<TransferDirection, readonly string[]> = {
  out: [...COMMON_FIELDS, 'memberId', 'fromOrgId', 'toOrgName'],
  within: [...COMMON_FIELDS, 'memberId', 'fromOrgId', 'toOrgId'],
  in: [...COMMON_FIELDS, 'person.name', 'person.idNumber', 'person.category', 'fromOrgName', 'toOrgId'],
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

function toInput(v: Partial<Values>): ApiInput<'transfers.create'> {
  const direction = v.direction ?? 'out';
  const sides =
    direction === 'in'
      ? {
          person: { name: v.person?.name ?? '', idNumber: v.person?.idNumber ?? '', category: v.person?.category ?? 'full' },
          ...(v.fromOrgName !== undefined ? { fromOrgName: v.fromOrgName } : {}),
          ...(v.toOrgId ? { toOrgId: v.toOrgId } : {}),
        }
      : {
          ...(v.memberId ? { memberId: v.memberId } : {}),
          ...(v.fromOrgId ? { fromOrgId: v.fromOrgId } : {}),
          ...(direction === 'out' ? (v.toOrgName !== undefined ? { toOrgName: v.toOrgName } : {}) : v.toOrgId ? { toOrgId: v.toOrgId } : {}),
        };
  return {
    direction,
    ...(v.letterNumber?.trim() ? { letterNumber: v.letterNumber } : {}),
    issuedOn: day(v.issuedOn),
    ...(v.validDays !== null && v.validDays !== undefined ? { validDays: v.validDays } : {}),
    ...sides,
    ...(v.duesPaidTo ? { duesPaidTo: v.duesPaidTo.format('YYYY-MM') } : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/**
 * The number the street's next letter of that year will get, to show in the blank field. Only a preview:
 * core gives the number when the letter is issued, so two clerks at once still get two numbers.
 */
function useNextLetterNumber(enabled: boolean, issuedOn: Dayjs | null): string | null {
  const [next, setNext] = useState<string | null>(null);
  const day = issuedOn ? issuedOn.format('YYYY-MM-DD') : null;
  useEffect(() => {
    if (!enabled || !day) return;
    let live = true;
    api.call('transfers.nextNumber', { issuedOn: day }).then(
      (r) => live && setNext(r.letterNumber),
      () => live && setNext(null),
    );
    return () => {
      live = false;
    };
  }, [enabled, day]);
  return enabled ? next : null;
}

export function TransferFormModal({
  open,
  index,
  onClose,
  onCreated,
}: {
  open: boolean;
  index: OrgIndex | null;
  onClose: () => void;
  onCreated: (transfer: TransferRow) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const direction = Form.useWatch('direction', form) ?? 'out';
  const issuedOn = Form.useWatch('issuedOn', form);
  const validDays = Form.useWatch('validDays', form);
  const nextNumber = useNextLetterNumber(open && direction !== 'in', issuedOn ?? null);
  // The user's own side (a letter's sender, the receiver of one arriving) is inside their scope; a move within
  // the street may go to any organization of the street.
  const ownOrgs = useMemo(() => orgOptions(index, true), [index]);
  const allOrgs = useMemo(() => orgOptions(index), [index]);

  const labels: FieldLabels = useMemo(
    () => ({
      direction: t('transfers.form.direction'),
      memberId: t('transfers.form.member'),
      'person.name': t('transfers.form.personName'),
      'person.idNumber': t('transfers.form.personIdNumber'),
      'person.category': t('transfers.form.personCategory'),
      fromOrgId: t('transfers.form.fromOrg'),
      fromOrgName: t('transfers.form.fromOrgName'),
      toOrgId: t('transfers.form.toOrg'),
      toOrgName: t('transfers.form.toOrgName'),
      letterNumber: t('transfers.form.letterNumber'),
      issuedOn: t('transfers.form.issuedOn'),
      validDays: t('transfers.form.validDays'),
      duesPaidTo: t('transfers.form.duesPaidTo'),
      note: t('transfers.form.note'),
    }),
    [t],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      direction: 'out',
      issuedOn: dayjs(),
      validDays: TRANSFER_VALID_DAYS.default,
      person: { name: '', idNumber: '', category: 'full' },
    });
  }, [open, form]);

  // The fields of the other kinds go away with their errors; those still shown start clean too.
  const clearErrors = () => (form as FormInstance).setFields(Object.values(FIELDS).flat().map((field) => ({ name: field.split('.'), errors: [] })));

  const submit = async () => {
    const values = form.getFieldsValue(true) as Partial<Values>;
    const fields = FIELDS[values.direction ?? 'out'];
    if (values.validDays === null || values.validDays === undefined) {
      form.setFields([{ name: 'validDays', errors: [issueText({ field: 'validDays', problem: 'required' }, undefined, labels)] }]);
      return;
    }
    const input = toInput(values);
    const created = await submitChecked({ form, schema: contract['transfers.create'].input, input, fields, labels, report, setSaving, call: () => api.call('transfers.create', input) });
    if (!created) return;
    void message.success(t('transfers.form.created', { letter: created.letterNumber, name: created.memberName }));
    onCreated(created);
  };

  const validUntil = issuedOn && validDays ? issuedOn.add(validDays, 'day').format('YYYY-MM-DD') : '—';
  const orgSelect = (placeholder: string, orgs: OrgOption[]) => (
    <TreeSelect<number>
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={placeholder}
      treeData={orgs}
      treeNodeLabelProp="label"
      treeDefaultExpandAll
      treeLine
      listHeight={320}
      popupMatchSelectWidth
    />
  );

  return (
    <FormModal open={open} title={t('transfers.form.title')} saving={saving} width={760} okText={t('transfers.form.submit')} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="modal-form transfer-form" requiredMark={false}>
        <Form.Item name="direction" label={labels.direction}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DIRECTION_ORDER.map((d) => ({ value: d, label: t(`transfers.directionLong.${d}`) }))}
            onChange={clearErrors}
          />
        </Form.Item>

        <div className="form-section-title">{t('transfers.form.sectionPerson')}</div>
        {direction === 'in' ? (
          <Row gutter={16}>
            <Col span={7}>
              <Form.Item name={['person', 'name']} label={labels['person.name']}>
                <Input maxLength={60} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name={['person', 'idNumber']} label={labels['person.idNumber']}>
                <Input maxLength={40} autoComplete="off" className="mono" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['person', 'category']} label={labels['person.category']}>
                <Radio.Group
                  options={[
                    { value: 'full', label: t('transfers.category.full') },
                    { value: 'probationary', label: t('transfers.category.probationary') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item name="memberId" label={labels.memberId}>
            <MemberPicker onPicked={(member: MemberRow | null) => form.setFieldsValue({ fromOrgId: member?.orgId ?? null })} />
          </Form.Item>
        )}

        <div className="form-section-title">{t('transfers.form.sectionRoute')}</div>
        <Row gutter={16}>
          <Col span={12}>
            {direction === 'in' ? (
              <Form.Item name="fromOrgName" label={labels.fromOrgName}>
                <Input maxLength={100} placeholder={t('transfers.form.fromOrgNamePlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item name="fromOrgId" label={labels.fromOrgId} extra={t('transfers.form.fromOrgHelp')}>
                {orgSelect(t('transfers.form.orgPlaceholder'), ownOrgs)}
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            {direction === 'out' ? (
              <Form.Item name="toOrgName" label={labels.toOrgName}>
                <Input maxLength={100} placeholder={t('transfers.form.toOrgNamePlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item name="toOrgId" label={labels.toOrgId}>
                {orgSelect(t('transfers.form.orgPlaceholder'), direction === 'within' ? allOrgs : ownOrgs)}
              </Form.Item>
            )}
          </Col>
        </Row>

        <div className="form-section-title">{t('transfers.form.sectionLetter')}</div>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="letterNumber" label={labels.letterNumber} extra={direction === 'in' ? undefined : t('transfers.form.letterNumberHelp')}>
              <Input
                maxLength={40}
                autoComplete="off"
                placeholder={direction === 'in' ? t('transfers.form.letterNumberInPlaceholder') : nextNumber ? t('transfers.form.letterNumberAuto', { letter: nextNumber }) : ''}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="issuedOn" label={labels.issuedOn}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validDays" label={labels.validDays} extra={t('transfers.form.validDaysHelp', { date: validUntil })}>
              {/* No min/max: antd would quietly clamp 100 to 92; the contract's own message says what is allowed. */}
              <InputNumber<number>
                precision={0}
                suffix={t('transfers.form.validDaysUnit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="duesPaidTo" label={labels.duesPaidTo} required={direction === 'out'}>
              <DatePicker picker="month" format="YYYY-MM" placeholder={t('transfers.form.duesPaidToPlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
