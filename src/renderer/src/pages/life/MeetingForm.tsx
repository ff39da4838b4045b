// Entering a meeting takes a clerk a minute: choose the organization, kind and day; the roster of that day
// comes ticked present, and only the absent and those on leave are changed, with their reasons.
import { Alert, DatePicker, Form, Input, Segmented, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifeRosterPerson, MeetingDetail } from '../../../../shared/api/contract-life';
import { MEETING_TYPES, type AttendanceState, type MeetingType } from '../../../../shared/api/schemas-life';
import { hasQuorum } from '../../../../shared/life-rules';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { useSaveForm } from '../counter/use-save-form';
import type { LifeOrg } from './use-branches';
import { orgLabel } from '../../../../shared/org-label';
import { AttachmentList } from '../../components/Attachments';

interface Values {
  orgId: number | null;
  meetingType: MeetingType;
  heldOn: Dayjs | null;
  status: 'planned' | 'held';
  time: string;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  content: string;
  decisions: string;
}

const FIELDS = ['orgId', 'meetingType', 'heldOn', 'status', 'time', 'place', 'host', 'recorder', 'topic', 'content', 'decisions', 'absences'];

export function MeetingForm({ open, editing, orgs, onClose, onSaved }: { open: boolean; editing: MeetingDetail | null; orgs: LifeOrg[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [exceptions, setExceptions] = useState<Map<number, { state: AttendanceState; reason: string }>>(new Map());
  const { form, saving, submit } = useSaveForm<Values, 'life.save'>(
    'life.save',
    FIELDS,
    (v) => ({
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      orgId: v.orgId ?? 0,
      meetingType: v.meetingType,
      heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '',
      status: v.status,
      time: v.time ?? '',
      place: v.place ?? '',
      host: v.host ?? '',
      recorder: v.recorder ?? '',
      topic: v.topic ?? '',
      content: v.content ?? '',
      decisions: v.decisions ?? '',
      absences: [...exceptions].filter(([, e]) => e.state !== 'present').map(([memberId, e]) => ({ memberId, state: e.state as 'absent' | 'leave', reason: e.reason })),
    }),
    () => onSaved(),
  );
  const orgId = Form.useWatch('orgId', form);
  const meetingType = Form.useWatch('meetingType', form);
  const heldOn = Form.useWatch('heldOn', form);
  const status = Form.useWatch('status', form);
  const day = heldOn ? heldOn.format('YYYY-MM-DD') : null;
  const roster = useApi('life.roster', { orgId: orgId ?? 0, meetingType: meetingType ?? 'branch-meeting', heldOn: day ?? '2000-01-01' }, [orgId, meetingType, day], { enabled: open && !!orgId && !!day });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({ ...editing, orgId: editing.orgId, heldOn: dayjs(editing.heldOn) });
      setExceptions(new Map(editing.attendance.filter((a) => a.state !== 'present').map((a) => [a.memberId, { state: a.state, reason: a.reason ?? '' }])));
    } else {
      form.setFieldsValue({ orgId: null, meetingType: 'theme-day', heldOn: dayjs(), status: 'held', time: '', place: '', host: '', recorder: '', topic: '', content: '', decisions: '' });
      setExceptions(new Map());
    }
    // Only opening the form (or choosing another meeting) clears it: the organization list reloading while the
    // clerk types must not wipe what is typed.
  }, [open, editing, form]);
  useEffect(() => {
    if (open && !editing && form.getFieldValue('orgId') == null && orgs.length > 0) form.setFieldsValue({ orgId: orgs[0].id });
  }, [open, editing, form, orgs]);

  const members: LifeRosterPerson[] = roster.data?.members ?? [];
  const stateOf = (id: number): AttendanceState => exceptions.get(id)?.state ?? 'present';
  const counts = useMemo(() => {
    const c = { present: 0, absent: 0, leave: 0 };
    for (const m of members) c[exceptions.get(m.memberId)?.state ?? 'present'] += 1;
    return c;
  }, [members, exceptions]);
  const entitled = roster.data?.entitled ?? null;
  const entitledPresent = meetingType === 'branch-meeting' ? members.filter((m) => m.full && stateOf(m.memberId) === 'present').length : counts.present;
  const change = (id: number, next: Partial<{ state: AttendanceState; reason: string }>) =>
    setExceptions((old) => {
      const map = new Map(old);
      const cur = map.get(id) ?? { state: 'present' as AttendanceState, reason: '' };
      map.set(id, { ...cur, ...next });
      return map;
    });

  return (
    <FormModal open={open} width={860} title={t(editing ? 'life.form.editTitle' : 'life.form.title')} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="life-form-row">
          <Form.Item name="orgId" label={t('life.form.org')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={orgs.map((o) => ({ value: o.id, label: orgLabel(o) }))} aria-label={t('life.form.org')} />
          </Form.Item>
          <Form.Item name="meetingType" label={t('life.form.type')}>
            <Select options={MEETING_TYPES.map((m) => ({ value: m, label: t(`life.type.${m}`) }))} aria-label={t('life.form.type')} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('life.form.heldOn')}>
            <DatePicker style={{ width: '100%' }} allowClear={false} aria-label={t('life.form.heldOn')} />
          </Form.Item>
        </div>
        <div className="life-form-row">
          <Form.Item name="status" label={t('life.form.status')}>
            <Segmented options={(['held', 'planned'] as const).map((s) => ({ value: s, label: t(`life.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="time" label={t('life.form.time')}>
            <Input placeholder="14:30" />
          </Form.Item>
          <Form.Item name="place" label={t('life.form.place')}>
            <Input />
          </Form.Item>
        </div>
        <div className="life-form-row">
          <Form.Item name="topic" label={t('life.form.topic')}>
            <Input />
          </Form.Item>
          <Form.Item name="host" label={t('life.form.host')}>
            <Input />
          </Form.Item>
          <Form.Item name="recorder" label={t('life.form.recorder')}>
            <Input />
          </Form.Item>
        </div>
        <div className="life-form-row" style={{ gridTemplateColumns: '1fr 1fr' }}>
          <Form.Item name="content" label={t('life.form.content')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="decisions" label={t('life.form.decisions')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </div>
        {status !== 'planned' && (
          <Form.Item label={t('life.form.roster')}>
            {members.length === 0 ? (
              <span className="cell-muted">{t('life.form.noRoster')}</span>
            ) : (
              <>
                <div className="life-toolbar" style={{ marginBottom: 6 }}>
                  <span>{t('life.form.rosterCount', { roster: members.length, ...counts })}</span>
                  {entitled !== null && (meetingType === 'branch-meeting' || meetingType === 'committee') && (
                    <span className={hasQuorum(entitledPresent, entitled) ? undefined : 'life-quorum-short'}>
                      {t('life.form.quorum', {
                        who: t(`life.form.quorumWho.${meetingType}`),
                        present: entitledPresent,
                        entitled,
                        ok: t(hasQuorum(entitledPresent, entitled) ? 'life.form.quorumOk' : 'life.form.quorumShort'),
                      })}
                    </span>
                  )}
                </div>
                <Table<LifeRosterPerson>
                  className="life-roster"
                  rowKey="memberId"
                  size="small"
                  pagination={false}
                  dataSource={members}
                  scroll={{ y: 220 }}
                  columns={[
                    {
                      key: 'name',
                      title: t('life.columns.name'),
                      width: 200,
                      render: (_, m) => (
                        <>
                          {m.name} <Tag>{t(m.full ? 'life.form.full' : 'life.form.probationary')}</Tag>
                          {m.mobile && <Tag color="orange">{t('life.form.mobile')}</Tag>}
                        </>
                      ),
                    },
                    {
                      key: 'state',
                      title: t('life.columns.state'),
                      width: 220,
                      render: (_, m) => (
                        <Segmented
                          size="small"
                          aria-label={`${m.name} ${t('life.columns.state')}`}
                          value={stateOf(m.memberId)}
                          onChange={(v) => change(m.memberId, { state: v as AttendanceState })}
                          options={(['present', 'absent', 'leave'] as const).map((s) => ({ value: s, label: t(`life.state.${s}`) }))}
                        />
                      ),
                    },
                    {
                      key: 'reason',
                      title: t('life.columns.reason'),
                      render: (_, m) =>
                        stateOf(m.memberId) === 'present' ? null : (
                          <Input size="small" aria-label={`${m.name} ${t('life.columns.reason')}`} placeholder={t('life.form.reasonPlaceholder')} value={exceptions.get(m.memberId)?.reason ?? ''} onChange={(e) => change(m.memberId, { reason: e.target.value })} />
                        ),
                    },
                  ]}
                />
              </>
            )}
          </Form.Item>
        )}
        {editing?.invalidReason && <Alert type="warning" showIcon message={t(`life.invalid.${editing.invalidReason}`)} />}
        <button type="submit" hidden />
      </Form>
      {/* The sign-in scan, photos, the minutes as written: kept with the meeting once it exists. */}
      <h4 style={{ margin: '12px 0 6px' }}>{t('attachments.button')}</h4>
      {editing ? <AttachmentList owner="meeting" ownerId={editing.id} canEdit /> : <span className="cell-muted">{t('attachments.afterSave')}</span>}
    </FormModal>
  );
}
