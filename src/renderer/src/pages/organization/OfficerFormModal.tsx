// 登记班子成员 / 登记兼职委员 / 修改: the post (only those the organization's level has), the person — a member
// found on the roll, or a name for someone outside it — the kind of a part-time member, the duty and the term.
// Checked with orgs.saveOfficer's own schema before sending; the core's refusals show under their fields.
import { App, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OrgNode, type OrgOfficer } from '../../../../shared/api/contract';
import { PART_TIME_KINDS, type OfficerPost, type PartTimeKind } from '../../../../shared/api/schemas';
import { OFFICER_POSTS } from '../../../../shared/org-rules';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { TermFields } from '../../components/TermFields';
import { useReportError } from '../../lib/errors';
import { submitChecked, type FieldLabels } from '../../lib/form-issues';
import { useDebounced } from '../../lib/use-debounced';

export type OfficerFormTarget = { mode: 'create'; org: OrgNode; partTime: boolean } | { mode: 'edit'; org: OrgNode; officer: OrgOfficer };

interface Values {
  post: OfficerPost;
  who: 'member' | 'name';
  memberId: number | null;
  personName: string;
  partTimeKind: PartTimeKind | null;
  duty: string;
  termStart: Dayjs | null;
  termEnd: Dayjs | null;
}

const FIELDS = ['post', 'memberId', 'personName', 'partTimeKind', 'duty', 'termStart', 'termEnd'] as const;
const day = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);

/** Members of the street found by name, pinyin initials or ID number, for the person field. */
function useMemberSearch(query: string, current: { id: number; name: string } | null) {
  const settled = useDebounced(query.trim(), 250);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    if (!settled) {
      setOptions(current ? [{ value: current.id, label: current.name }] : []);
      return;
    }
    void api.call('members.list', { query: settled, limit: 20 }).then(
      ({ members }) => live && setOptions(members.map((m) => ({ value: m.id, label: `${m.name}（${m.branch}）` }))),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [settled, current]);
  return options;
}

export function OfficerFormModal({ target, onClose, onSaved }: { target: OfficerFormTarget | null; onClose: () => void; onSaved: (officer: OrgOfficer) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState('');
  const who = Form.useWatch('who', form) ?? 'member';
  const post = Form.useWatch('post', form);
  const officer = target?.mode === 'edit' ? target.officer : null;
  const current = useMemo(() => (officer?.memberId ? { id: officer.memberId, name: officer.personName } : null), [officer]);
  const memberOptions = useMemberSearch(query, current);

  const partTime = target?.mode === 'create' ? target.partTime : officer?.post === 'part_time';
  const posts = target ? OFFICER_POSTS[target.org.level].filter((p) => (p === 'part_time') === partTime) : [];
  const labels: FieldLabels = useMemo(() => ({ personName: t('officers.form.personName'), memberId: t('officers.form.member') }), [t]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setQuery('');
    if (target.mode === 'edit') {
      const o = target.officer;
      form.setFieldsValue({
        post: o.post,
        who: o.memberId !== null ? 'member' : 'name',
        memberId: o.memberId,
        personName: o.memberId !== null ? '' : o.personName,
        partTimeKind: o.partTimeKind,
        duty: o.duty,
        termStart: o.termStart ? dayjs(o.termStart) : null,
        termEnd: o.termEnd ? dayjs(o.termEnd) : null,
      });
    } else {
      form.setFieldsValue({
        post: target.partTime ? 'part_time' : OFFICER_POSTS[target.org.level][0],
        // Part-time members mostly come from outside the roll (a police officer, a unit's leader).
        who: target.partTime ? 'name' : 'member',
        memberId: null,
        personName: '',
        partTimeKind: null,
        duty: '',
        termStart: null,
        termEnd: null,
      });
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const v = form.getFieldsValue(true) as Values;
    const input = {
      ...(officer ? { id: officer.id, updatedAt: officer.updatedAt } : {}),
      orgId: target.org.id,
      post: v.post,
      ...(v.who === 'member' ? { memberId: v.memberId ?? undefined } : { personName: v.personName ?? '' }),
      partTimeKind: v.post === 'part_time' ? v.partTimeKind : null,
      duty: v.duty ?? '',
      termStart: day(v.termStart),
      termEnd: day(v.termEnd),
    };
    if (v.who === 'member' && !v.memberId) {
      form.setFields([{ name: 'memberId', errors: [`${t('officers.form.member')}：${t('officers.form.memberPlaceholder')}`] }]);
      return;
    }
    const saved = await submitChecked({ form, schema: contract['orgs.saveOfficer'].input, input, fields: FIELDS, labels, report, setSaving, call: () => api.call('orgs.saveOfficer', input) });
    if (!saved) return;
    void message.success(t('officers.form.saved', { name: saved.personName }));
    onSaved(saved);
  };

  const title = !target
    ? null
    : target.mode === 'edit'
      ? t('officers.form.editTitle', { name: target.officer.personName })
      : t(target.partTime ? 'officers.form.addPartTimeTitle' : 'officers.form.addTitle');

  return (
    <FormModal
      open={target !== null}
      title={
        title && (
          <span>
            {title}
            {target && <span className="modal-subtitle">{target.org.name}</span>}
          </span>
        )
      }
      saving={saving}
      width={580}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="horizontal" labelCol={{ flex: '96px' }} onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        {partTime ? (
          <Form.Item name="partTimeKind" label={t('officers.form.kind')}>
            <Select<PartTimeKind> placeholder={t('officers.form.kindPlaceholder')} options={PART_TIME_KINDS.map((k) => ({ value: k, label: t(`officers.kinds.${k}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="post" label={t('officers.form.post')}>
            <Select<OfficerPost> options={posts.map((p) => ({ value: p, label: t(`officers.posts.${p}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="who" label={t('officers.form.who')}>
          <Radio.Group
            options={[
              { value: 'member', label: t('officers.form.fromRoll') },
              { value: 'name', label: t('officers.form.byName') },
            ]}
          />
        </Form.Item>
        {who === 'member' ? (
          <Form.Item name="memberId" label={t('officers.form.member')}>
            <Select<number>
              showSearch={{ filterOption: false, onSearch: setQuery }}
              placeholder={t('officers.form.memberPlaceholder')}
              options={memberOptions}
              notFoundContent={null}
            />
          </Form.Item>
        ) : (
          <Form.Item name="personName" label={t('officers.form.personName')}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.Item name="duty" label={t('officers.form.duty')}>
          <Input maxLength={60} placeholder={post === 'part_time' || partTime ? undefined : t('officers.form.dutyPlaceholder')} />
        </Form.Item>
        <TermFields label={t('officers.columns.term')} startLabel={t('officers.form.termStart')} endLabel={t('officers.form.termEnd')} />
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
