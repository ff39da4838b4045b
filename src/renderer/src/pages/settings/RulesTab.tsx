// 业务规则: the rules local practice sets differently, in one place for the administrator — how often each
// kind of organizational-life meeting is due and which week is the Party activity week; the development
// notice and approval periods; the disclosure day, the residents' meeting thresholds and the standards with
// their source. Each part saves through the contract's schema; everyone else reads them.
import { Button, Card, Form, Input, InputNumber, Select, Skeleton, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_TYPES, LIFE_FREQUENCIES, type LifeFrequency, type MeetingType } from '../../../../shared/api/schemas-life';
import type { GovSettings } from '../../../../shared/api/schemas-gov';
import { fieldLabel, type FieldModule } from '../../../../shared/i18n/messages';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';
import { useSaveForm } from '../counter/use-save-form';

function useLabel(module: FieldModule) {
  const lang = useLanguage();
  return (field: string) => fieldLabel(field, lang, module);
}

/** One part of the rules: a titled card, its fields in a row, and Save for the administrator. */
function RulesCard<V extends object>({ title, form, canEdit, saving, onSave, children }: { title: string; form: FormInstance<V>; canEdit: boolean; saving: boolean; onSave: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} className="rules-card" style={{ marginBottom: 12 }}>
      <Form form={form} layout="inline" disabled={!canEdit} onFinish={onSave} className="rules-form">
        {children}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function LifeRulesCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const rules = useApi('life.rules', {});
  const { form, saving, submit } = useSaveForm<{ frequencies: Record<MeetingType, LifeFrequency>; activityWeek: number }, 'life.saveRules'>(
    'life.saveRules',
    ['frequencies', 'activityWeek'],
    (v) => ({ frequencies: v.frequencies, activityWeek: v.activityWeek, orgDays: [] }),
    () => void rules.reload(),
  );
  useEffect(() => {
    if (rules.data) form.setFieldsValue({ frequencies: rules.data.frequencies, activityWeek: rules.data.activityWeek });
  }, [rules.data, form]);
  if (!rules.data) return <Skeleton active />;
  return (
    <RulesCard title={t('settings.rules.life')} form={form} canEdit={canEdit} saving={saving} onSave={() => void submit()}>
        {MEETING_TYPES.map((type) => (
          <Form.Item key={type} name={['frequencies', type]} label={t(`life.type.${type}`)}>
            <Select style={{ width: 100 }} options={LIFE_FREQUENCIES.map((f) => ({ value: f, label: t(`life.frequency.${f}`) }))} aria-label={t(`life.type.${type}`)} />
          </Form.Item>
        ))}
        <Form.Item name="activityWeek" label={t('settings.rules.activityWeek')}>
          <Select style={{ width: 150 }} options={[1, 2, 3, 4].map((w) => ({ value: w, label: t('settings.rules.week', { n: w }) }))} aria-label={t('settings.rules.activityWeek')} />
        </Form.Item>
    </RulesCard>
  );
}

function DevelopRulesCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const label = useLabel('develop');
  const settings = useApi('develop.settings', {});
  const { form, saving, submit } = useSaveForm<{ noticeWorkdays: number; approvalMonths: number }, 'develop.saveSettings'>('develop.saveSettings', ['noticeWorkdays', 'approvalMonths'], (v) => v, () => void settings.reload());
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (!settings.data) return <Skeleton active />;
  return (
    <RulesCard title={t('settings.rules.develop')} form={form} canEdit={canEdit} saving={saving} onSave={() => void submit()}>
        <Form.Item name="noticeWorkdays" label={label('noticeWorkdays')}>
          <InputNumber style={{ width: 90 }} aria-label={label('noticeWorkdays')} />
        </Form.Item>
        <Form.Item name="approvalMonths" label={label('approvalMonths')}>
          <InputNumber style={{ width: 90 }} aria-label={label('approvalMonths')} />
        </Form.Item>
    </RulesCard>
  );
}

const GOV_NUMBERS = ['fixedDay', 'residentsPresentPercent', 'residentsFavourPercent', 'minSpace', 'spacePer100Households', 'householdsPerWorker'] as const;

function GovRulesCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const label = useLabel('gov');
  const settings = useApi('gov.settings', {});
  const { form, saving, submit } = useSaveForm<GovSettings, 'gov.saveSettings'>('gov.saveSettings', [...GOV_NUMBERS, 'standardsSource', 'projectApproveBy'], (v) => v, () => void settings.reload());
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (!settings.data) return <Skeleton active />;
  return (
    <RulesCard title={t('settings.rules.gov')} form={form} canEdit={canEdit} saving={saving} onSave={() => void submit()}>
        {GOV_NUMBERS.map((field) => (
          <Form.Item key={field} name={field} label={label(field)}>
            <InputNumber style={{ width: 90 }} aria-label={label(field)} />
          </Form.Item>
        ))}
        <Form.Item name="standardsSource" label={label('standardsSource')}>
          <Input style={{ width: 320 }} aria-label={label('standardsSource')} />
        </Form.Item>
        <Form.Item name="projectApproveBy" label={label('projectApproveBy')}>
          <Input style={{ width: 90 }} placeholder="04-30" aria-label={label('projectApproveBy')} />
        </Form.Item>
    </RulesCard>
  );
}

export function RulesTab() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'admin');
  return (
    <div className="rules-tab">
      <p className="cell-muted">{t('settings.rules.description')}</p>
      <LifeRulesCard canEdit={canEdit} />
      <DevelopRulesCard canEdit={canEdit} />
      <GovRulesCard canEdit={canEdit} />
    </div>
  );
}
