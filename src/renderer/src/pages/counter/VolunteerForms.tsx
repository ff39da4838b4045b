// The three forms of 志愿服务: register a volunteer (a Party member of the roll or a resident), a service
// team by skill, and a service record with hours.
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import type { ServiceTeamInfo, VolunteerInfo } from '../../../../shared/api/contract-counter';
import { TEAM_SKILLS, type TeamSkill } from '../../../../shared/api/schemas-counter';
import { FormModal } from '../../components/FormModal';
import { MemberPicker } from '../transfers/MemberPicker';
import { useSaveForm } from './use-save-form';

interface Props<T> {
  open: boolean;
  editing: T | null;
  teams: ServiceTeamInfo[];
  onClose: () => void;
  onSaved: () => void;
}

const teamOptions = (teams: ServiceTeamInfo[]) => teams.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }));

interface VolunteerValues {
  isMember: boolean;
  memberId: number | null;
  volunteerName: string;
  phone: string;
  skills: string;
  teamId: number | null;
}

export function VolunteerFormModal({ open, editing, teams, onClose, onSaved }: Props<VolunteerInfo>) {
  const { t } = useTranslation();
  const fields = ['memberId', 'volunteerName', 'phone', 'skills', 'teamId'];
  const { form, saving, submit } = useSaveForm<VolunteerValues, 'volunteers.save'>(
    'volunteers.save',
    fields,
    (v) => ({ id: editing?.id, memberId: v.isMember ? v.memberId : null, volunteerName: v.volunteerName, phone: v.phone, skills: v.skills, teamId: v.teamId }),
    onSaved,
  );
  const isMember = Form.useWatch('isMember', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      isMember: editing ? editing.kind === 'member' : true,
      memberId: editing?.memberId ?? null,
      volunteerName: editing?.name ?? '',
      phone: editing?.phone ?? '',
      skills: editing?.skills ?? '',
      teamId: editing?.teamId ?? null,
    });
  }, [open, editing, form]);
  return (
    <FormModal open={open} title={t('volunteers.addVolunteer')} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="isMember" label={t('volunteers.form.isMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {isMember ? (
          <Form.Item name="memberId" label={t('volunteers.form.member')}>
            <MemberPicker onPicked={() => undefined} />
          </Form.Item>
        ) : (
          <Form.Item name="volunteerName" label={t('volunteers.form.name')}>
            <Input autoFocus />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('volunteers.form.phone')}>
          <Input />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.form.skills')}>
          <Input />
        </Form.Item>
        <Form.Item name="teamId" label={t('volunteers.form.team')}>
          <Select allowClear options={teamOptions(teams)} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

interface TeamValues {
  teamName: string;
  skill: TeamSkill;
  leader: string;
  description: string;
}

export function TeamFormModal({ open, editing, onClose, onSaved }: Omit<Props<ServiceTeamInfo>, 'teams'>) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<TeamValues, 'teams.save'>('teams.save', ['teamName', 'skill', 'leader', 'description'], (v) => ({ id: editing?.id, ...v }), onSaved);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ teamName: editing?.name ?? '', skill: editing?.skill ?? 'repairs', leader: editing?.leader ?? '', description: editing?.description ?? '' });
  }, [open, editing, form]);
  return (
    <FormModal open={open} title={t('volunteers.addTeam')} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="teamName" label={t('volunteers.form.teamName')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="skill" label={t('volunteers.form.skill')}>
          <Select options={TEAM_SKILLS.map((s) => ({ value: s, label: t(`volunteers.skill.${s}`) }))} />
        </Form.Item>
        <Form.Item name="leader" label={t('volunteers.form.leader')}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('volunteers.form.teamDescription')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

interface RecordValues {
  volunteerId: number | null;
  servedOn: Dayjs | null;
  hours: number | null;
  content: string;
}

export function RecordFormModal({ open, volunteers, onClose, onSaved }: { open: boolean; volunteers: VolunteerInfo[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<RecordValues, 'serviceRecords.create'>(
    'serviceRecords.create',
    ['volunteerId', 'servedOn', 'hours', 'content'],
    // A volunteer or hours not given are left out, not sent as 0: the schema then says 必填 on the field
    // instead of "不能小于 0" about a number the clerk never typed.
    (v) =>
      ({
        ...(v.volunteerId === null ? {} : { volunteerId: v.volunteerId }),
        servedOn: v.servedOn ? v.servedOn.format('YYYY-MM-DD') : '',
        ...(v.hours === null ? {} : { hours: v.hours }),
        content: v.content,
      }) as ApiInput<'serviceRecords.create'>,
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ volunteerId: null, servedOn: dayjs(), hours: 2, content: '' });
  }, [open, form]);
  return (
    <FormModal open={open} title={t('volunteers.addRecord')} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark onFinish={() => void submit()}>
        <Form.Item name="volunteerId" required label={t('volunteers.form.volunteer')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={volunteers.map((v) => ({ value: v.id, label: `${v.name}${v.teamName ? `（${v.teamName}）` : ''}` }))} />
        </Form.Item>
        <div className="accept-row">
          <Form.Item name="servedOn" required label={t('volunteers.form.servedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="hours" required label={t('volunteers.form.hours')}>
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="content" required label={t('volunteers.form.content')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
