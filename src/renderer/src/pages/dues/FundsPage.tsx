// 党建经费: the standards with their source and year, each community's entitlement from its households and
// members against its income and spending, and the income/expense ledger (entries are never deleted).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUND_DIRECTIONS, FUND_PARAMETERS, type FundDirection, type FundParameter } from '../../../../shared/api/schemas-dues';
import { parseYuan } from '../../../../shared/dues/money';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { AttachmentsModal } from '../../components/Attachments';
import { useSaveForm } from '../counter/use-save-form';
import { amountsRead, yuan } from './dues-format';
import { useLanguage } from '../../lib/use-language';
import './dues.css';

/** Square metres are kept as they are; every other standard is money in fen. */
const isMoney = (p: FundParameter) => p !== 'spacePer100Households';

function StandardModal({ open, year, onClose, onSaved }: { open: boolean; year: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { form, saving, submit: save } = useSaveForm<{ parameter: FundParameter; value: string; source: string; year: number }, 'funds.saveStandard'>(
    'funds.saveStandard',
    ['parameter', 'value', 'source', 'year'],
    (v) => ({ parameter: v.parameter, value: isMoney(v.parameter) ? (parseYuan(v.value) ?? Number.NaN) : Number(v.value), source: v.source, year: v.year }),
    () => onSaved(),
  );
  const submit = async () => {
    if (amountsRead(form, ['value'], lang)) await save();
  };
  useEffect(() => {
    if (open) form.setFieldsValue({ parameter: 'officePer1000Households', value: '', source: '', year });
  }, [open, year, form]);
  const f = (key: string) => t(`funds.form.${key}`);
  return (
    <FormModal open={open} title={t('funds.addStandard')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="parameter" label={f('parameter')}>
          <Select options={FUND_PARAMETERS.map((p) => ({ value: p, label: t(`funds.parameters.${p}`) }))} />
        </Form.Item>
        <div className="dues-two">
          <Form.Item name="value" label={f('value')}>
            <Input inputMode="decimal" className="dues-figure" />
          </Form.Item>
          <Form.Item name="year" label={f('year')}>
            <InputNumber min={1900} max={2999} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="source" label={f('source')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

interface EntryValues {
  communityId: number | undefined;
  direction: FundDirection;
  amountFen: string;
  onDate: Dayjs | null;
  purpose: string;
  voucher: string;
  attachments: string;
}

function EntryModal({ open, communities, onClose, onSaved }: { open: boolean; communities: { id: number; name: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { form, saving, submit: save } = useSaveForm<EntryValues, 'funds.saveEntry'>(
    'funds.saveEntry',
    ['communityId', 'direction', 'amountFen', 'onDate', 'purpose', 'voucher', 'attachments'],
    (v) => ({
      communityId: v.communityId ?? 0,
      direction: v.direction,
      amountFen: parseYuan(v.amountFen) ?? Number.NaN,
      onDate: v.onDate ? v.onDate.format('YYYY-MM-DD') : '',
      purpose: v.purpose,
      voucher: v.voucher,
      attachments: v.attachments
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
    }),
    () => onSaved(),
  );
  const submit = async () => {
    if (amountsRead(form, ['amountFen'], lang)) await save();
  };
  useEffect(() => {
    if (open) form.setFieldsValue({ communityId: communities[0]?.id, direction: 'out', amountFen: '', onDate: dayjs(), purpose: '', voucher: '', attachments: '' });
  }, [open, communities, form]);
  const f = (key: string) => t(`funds.form.${key}`);
  return (
    <FormModal open={open} title={t('funds.addEntry')} saving={saving} width={560} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="dues-two">
          <Form.Item name="communityId" label={f('community')}>
            <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="direction" label={f('direction')}>
            <Select options={FUND_DIRECTIONS.map((d) => ({ value: d, label: t(`funds.direction.${d}`) }))} />
          </Form.Item>
        </div>
        <div className="dues-two">
          <Form.Item name="amountFen" label={f('amount')}>
            <Input inputMode="decimal" className="dues-figure" />
          </Form.Item>
          <Form.Item name="onDate" label={f('onDate')}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </div>
        <Form.Item name="purpose" label={f('purpose')}>
          <Input />
        </Form.Item>
        <div className="dues-two">
          <Form.Item name="voucher" label={f('voucher')}>
            <Input />
          </Form.Item>
          <Form.Item name="attachments" label={f('attachments')}>
            <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </div>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

export default function FundsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [year, setYear] = useState(dayjs().year());
  const [editing, setEditing] = useState<'standard' | 'entry' | null>(null);
  const [files, setFiles] = useState<{ owner: 'fund_entry'; ownerId: number; title: string } | null>(null);
  const overview = useApi('funds.overview', { year }, [year]);
  const o = overview.data;
  const c = (key: string) => t(`funds.columns.${key}`);
  const money = (fen: number) => <span className="dues-figure">{yuan(fen)}</span>;
  const reload = () => {
    setEditing(null);
    void overview.reload();
  };
  return (
    <div className="page">
      <PageHeader
        title={t('funds.title')}
        description={t('funds.description')}
        extra={
          <>
            <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && setYear(d.year())} aria-label={t('funds.year')} />{' '}
            {hasRole(user.role, 'admin') && <Button onClick={() => setEditing('standard')}>{t('funds.addStandard')}</Button>}{' '}
            {hasRole(user.role, 'clerk') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('entry')}>
                {t('funds.addEntry')}
              </Button>
            )}
          </>
        }
      />
      {overview.error ? <div className="load-error">{errorText(overview.error)}</div> : null}
      <div className="funds-grid">
        <Card className="panel" size="small" title={t('funds.entitlement')}>
          <Table
            size="small"
            rowKey="communityId"
            pagination={false}
            loading={!o}
            dataSource={o?.communities ?? []}
            columns={[
              { key: 'community', title: c('community'), dataIndex: 'name' },
              { key: 'households', title: c('households'), dataIndex: 'households', align: 'right' },
              { key: 'members', title: c('members'), dataIndex: 'members', align: 'right' },
              { key: 'office', title: c('office'), align: 'right', render: (_, r) => money(r.officeFen) },
              { key: 'massWork', title: c('massWork'), align: 'right', render: (_, r) => money(r.massWorkFen) },
              { key: 'activity', title: c('activity'), align: 'right', render: (_, r) => money(r.activityFen) },
              { key: 'entitlement', title: c('entitlement'), align: 'right', render: (_, r) => <strong>{money(r.entitlementFen)}</strong> },
              { key: 'income', title: c('income'), align: 'right', render: (_, r) => money(r.inFen) },
              { key: 'spent', title: c('spent'), align: 'right', render: (_, r) => money(r.outFen) },
              { key: 'balance', title: c('balance'), align: 'right', render: (_, r) => <strong style={{ color: r.balanceFen < 0 ? '#c8161d' : undefined }}>{money(r.balanceFen)}</strong> },
            ]}
          />
        </Card>
        <div className="dues-two">
          <Card className="panel" size="small" title={t('funds.standards')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={o?.standards ?? []}
              columns={[
                { key: 'parameter', title: c('parameter'), render: (_, s) => t(`funds.parameters.${s.parameter}`) },
                { key: 'value', title: c('value'), align: 'right', render: (_, s) => (isMoney(s.parameter) ? money(s.value) : s.value) },
                { key: 'source', title: c('source'), dataIndex: 'source', ellipsis: true },
                { key: 'year', title: c('year'), dataIndex: 'year', width: 64 },
              ]}
            />
          </Card>
          <Card className="panel" size="small" title={t('funds.ledger')}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={o?.entries ?? []}
              columns={[
                { key: 'date', title: c('date'), dataIndex: 'onDate', width: 96 },
                { key: 'community', title: c('community'), dataIndex: 'communityName' },
                { key: 'direction', title: c('direction'), width: 60, render: (_, e) => t(`funds.direction.${e.direction}`) },
                { key: 'amount', title: c('amount'), align: 'right', render: (_, e) => money(e.amountFen) },
                { key: 'purpose', title: c('purpose'), dataIndex: 'purpose', ellipsis: true },
                { key: 'voucher', title: c('voucher'), dataIndex: 'voucher', width: 90 },
                {
                  key: 'files',
                  title: t('attachments.button'),
                  width: 70,
                  render: (_, e) => (
                    <Button size="small" type="link" onClick={() => setFiles({ owner: 'fund_entry', ownerId: e.id, title: `${e.onDate} ${e.purpose}` })}>
                      {t('attachments.button')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </div>
      </div>
      <AttachmentsModal target={files} canEdit={hasRole(user.role, 'clerk')} onClose={() => setFiles(null)} />
      <StandardModal open={editing === 'standard'} year={year} onClose={() => setEditing(null)} onSaved={reload} />
      <EntryModal open={editing === 'entry'} communities={(o?.communities ?? []).map((x) => ({ id: x.communityId, name: x.name }))} onClose={() => setEditing(null)} onSaved={reload} />
    </div>
  );
}
