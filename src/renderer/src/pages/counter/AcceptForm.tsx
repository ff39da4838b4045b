// 受理登记: the counter clerk accepts a request in seconds — the matter found by name or pinyin initials,
// the resident's name and a contact, optionally the ID number; Enter accepts, the form clears for the next.
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestRow } from '../../../../shared/api/contract-counter';
import type { CommunityInfo } from '../../../../shared/api/contract';
import { contract } from '../../../../shared/api/contract';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../../shared/api/schemas-counter';
import type { ServiceMatterInfo } from '../../../../shared/api/contract-counter';
import { api } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { ListClassTag, matterMatches, useLimitText } from './counter-labels';

interface Values {
  communityId?: number;
  matterId?: number;
  residentName: string;
  residentPhone: string;
  residentIdNumber: string;
  residentAddress: string;
  channel: RequestChannel;
  notes: string;
}

const FIELDS = ['communityId', 'matterId', 'residentName', 'residentPhone', 'residentIdNumber', 'residentAddress', 'channel', 'notes'];
const LAST_COMMUNITY_KEY = 'streetdesk.counter.community.';

/** The community this user last accepted a request for, on this computer (the counter's habit: one desk, one community). */
export function lastCommunity(userId: number): number | undefined {
  const v = Number(localStorage.getItem(LAST_COMMUNITY_KEY + userId));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

const EMPTY: Values = { residentName: '', residentPhone: '', residentIdNumber: '', residentAddress: '', channel: 'counter', notes: '' };

export function AcceptForm({
  matters,
  communities,
  defaultCommunityId,
  onAccepted,
}: {
  matters: ServiceMatterInfo[];
  communities: CommunityInfo[];
  defaultCommunityId: number | undefined;
  onAccepted: (request: ServiceRequestRow) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const report = useReportError();
  const limitText = useLimitText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [matterQuery, setMatterQuery] = useState('');
  const matterRef = useRef<{ focus: () => void } | null>(null);
  const matterId = Form.useWatch('matterId', form);
  const chosen = matters.find((m) => m.id === matterId);
  const options = useMemo(
    () =>
      matters
        .filter((m) => matterMatches(m, matterQuery))
        .map((m) => ({
          value: m.id,
          label: (
            <span className="matter-option">
              <ListClassTag listClass={m.listClass} />
              <span className="matter-option-name">{m.name}</span>
              <span className="matter-option-limit">{limitText(m.limitDays)}</span>
            </span>
          ),
        })),
    [matters, matterQuery, limitText],
  );

  useEffect(() => {
    form.setFieldsValue({ ...EMPTY, communityId: defaultCommunityId });
  }, [form, defaultCommunityId]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const input = { ...v, communityId: v.communityId, matterId: v.matterId };
    const request = await submitChecked({ form, schema: contract['requests.accept'].input, input, fields: FIELDS, report, setSaving, call: () => api.call('requests.accept', input) });
    if (!request) return;
    if (v.communityId) localStorage.setItem(LAST_COMMUNITY_KEY + user.id, String(v.communityId));
    void message.success(request.limitDays === 0 ? t('counter.accept.doneSpot', { number: request.number }) : t('counter.accept.done', { number: request.number, due: request.dueOn }));
    form.setFieldsValue({ ...EMPTY, communityId: v.communityId, matterId: undefined });
    form.setFields(FIELDS.map((name) => ({ name: name as keyof Values, errors: [] })));
    setMatterQuery('');
    onAccepted(request);
    matterRef.current?.focus();
  };

  if (communities.length === 0) return <Alert type="warning" showIcon title={t('counter.accept.noCommunity')} />;

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()} className="accept-form" aria-label={t('counter.accept.title')}>
      {communities.length > 1 && (
        <Form.Item name="communityId" label={t('counter.accept.community')}>
          <Select
            showSearch={{ filterOption: (input, option) => matterMatches({ name: String(option?.label ?? '') }, input) }}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('counter.accept.communityPlaceholder')}
          />
        </Form.Item>
      )}
      <Form.Item name="matterId" label={t('counter.accept.matter')}>
        <Select
          ref={(el) => {
            matterRef.current = el;
          }}
          autoFocus
          allowClear
          placeholder={t('counter.accept.matterPlaceholder')}
          showSearch={{ filterOption: false, onSearch: setMatterQuery, searchValue: matterQuery }}
          options={options}
          onChange={() => setMatterQuery('')}
          listHeight={320}
          labelRender={({ value }) => matters.find((m) => m.id === value)?.name ?? ''}
        />
      </Form.Item>
      {chosen && (
        <div className="accept-matter-info">
          <div>
            <ListClassTag listClass={chosen.listClass} /> {t('counter.accept.dueHint', { limit: limitText(chosen.limitDays) })}
            {chosen.responsiblePost ? ` · ${chosen.responsiblePost}` : ''}
          </div>
          {chosen.materials.length > 0 && (
            <div className="accept-materials">
              {t('counter.accept.materials')}：{chosen.materials.join('、')}
            </div>
          )}
        </div>
      )}
      <div className="accept-row">
        <Form.Item name="residentName" label={t('counter.accept.residentName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="residentPhone" label={t('counter.accept.residentPhone')}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </div>
      <Form.Item name="residentIdNumber" label={t('counter.accept.residentIdNumber')}>
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name="residentAddress" label={t('counter.accept.residentAddress')}>
        <Input autoComplete="off" />
      </Form.Item>
      <div className="accept-row">
        <Form.Item name="channel" label={t('counter.accept.channel')}>
          <Select options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`counter.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('counter.accept.notes')}>
          <Input autoComplete="off" />
        </Form.Item>
      </div>
      <div className="accept-submit">
        <Button type="primary" htmlType="submit" loading={saving} block size="large">
          {t('counter.accept.submit')}
        </Button>
        <div className="accept-shortcut">{t('counter.accept.shortcut')}</div>
      </div>
    </Form>
  );
}
