// 合作商户: the partner merchants of the ten-minute life service circle, what each agreement offers, and the
// agreements ending within 30 days flagged at the top for renewal.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantInfo } from '../../../../shared/api/contract-counter';
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../../../../shared/api/schemas-counter';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { useSaveForm } from './use-save-form';
import './counter.css';

interface Values {
  merchantName: string;
  category: MerchantCategory;
  address: string;
  walkMinutes: number | null;
  offer: string;
  contact: string;
  phone: string;
  agreementStart: Dayjs | null;
  agreementEnd: Dayjs | null;
  active: boolean;
}

const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');

function MerchantFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: MerchantInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'merchants.save'>(
    'merchants.save',
    ['merchantName', 'category', 'address', 'walkMinutes', 'offer', 'contact', 'phone', 'agreementStart', 'agreementEnd'],
    (v) => ({ ...v, id: editing?.id, agreementStart: day(v.agreementStart), agreementEnd: day(v.agreementEnd) }),
    onSaved,
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { ...editing, merchantName: editing.name, contact: editing.contact ?? '', phone: editing.phone ?? '', agreementStart: dayjs(editing.agreementStart), agreementEnd: dayjs(editing.agreementEnd) }
        : { merchantName: '', category: 'catering', address: '', walkMinutes: null, offer: '', contact: '', phone: '', agreementStart: dayjs(), agreementEnd: dayjs().add(1, 'year'), active: true },
    );
  }, [open, editing, form]);
  const f = (key: string) => t(`merchants.form.${key}`);
  return (
    <FormModal open={open} title={editing ? t('merchants.editTitle') : t('merchants.createTitle')} saving={saving} width={620} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="accept-row">
          <Form.Item name="merchantName" label={f('name')}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="category" label={f('category')}>
            <Select options={MERCHANT_CATEGORIES.map((c) => ({ value: c, label: t(`merchants.category.${c}`) }))} />
          </Form.Item>
        </div>
        <div className="accept-row">
          <Form.Item name="address" label={f('address')}>
            <Input />
          </Form.Item>
          <Form.Item name="walkMinutes" label={f('walkMinutes')}>
            <InputNumber min={0} max={120} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="offer" label={f('offer')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <div className="accept-row">
          <Form.Item name="contact" label={f('contact')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={f('phone')}>
            <Input />
          </Form.Item>
        </div>
        <div className="accept-row">
          <Form.Item name="agreementStart" label={f('agreementStart')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="agreementEnd" label={f('agreementEnd')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="active" label={f('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

export default function MerchantsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const [editing, setEditing] = useState<MerchantInfo | 'new' | null>(null);
  const list = useApi('merchants.list', { includeInactive: true });
  const ending = list.data?.endingSoon ?? [];

  return (
    <div className="page">
      <PageHeader
        title={t('merchants.title')}
        description={t('merchants.description')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('merchants.add')}
            </Button>
          )
        }
      />
      {ending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="merchants-ending"
          style={{ marginBottom: 16 }}
          title={t('merchants.endingSoon', { count: ending.length })}
          description={ending.map((m) => t('merchants.endingItem', { name: m.name, end: m.agreementEnd, days: m.daysLeft })).join('；')}
        />
      )}
      <Card className="panel service-card">
        {list.error ? <div className="load-error">{errorText(list.error)}</div> : null}
        <Table<MerchantInfo>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.merchants ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              key: 'name',
              title: t('merchants.columns.name'),
              width: 150,
              render: (_, m) => (
                <span>
                  {m.name}
                  {!m.active && <Tag style={{ marginLeft: 6 }}>{t('merchants.inactive')}</Tag>}
                </span>
              ),
            },
            { key: 'category', title: t('merchants.columns.category'), width: 84, render: (_, m) => t(`merchants.category.${m.category}`) },
            { key: 'address', title: t('merchants.columns.address'), dataIndex: 'address', width: 140 },
            { key: 'walk', title: t('merchants.columns.walk'), width: 64, render: (_, m) => (m.walkMinutes === null ? t('common.empty') : t('merchants.walkMinutes', { count: m.walkMinutes })) },
            { key: 'offer', title: t('merchants.columns.offer'), dataIndex: 'offer', minWidth: 200 },
            { key: 'contact', title: t('merchants.columns.contact'), width: 128, render: (_, m) => [m.contact, m.phone].filter(Boolean).join(' ') || t('common.empty') },
            { key: 'agreement', title: t('merchants.columns.agreement'), width: 112, render: (_, m) => <span className="nowrap">{m.agreementStart} —<br />{m.agreementEnd}</span> },
            {
              key: 'left',
              title: t('merchants.columns.daysLeft'),
              width: 80,
              align: 'right',
              render: (_, m) =>
                m.daysLeft < 0 ? <span className="cell-ended">{t('merchants.ended')}</span> : <span className={m.daysLeft <= 30 ? 'cell-ending' : undefined}>{t('merchants.daysLeft', { count: m.daysLeft })}</span>,
            },
            ...(canEdit ? [{ key: 'edit', title: t('common.actions'), width: 80, render: (_: unknown, m: MerchantInfo) => <Button type="link" size="small" onClick={() => setEditing(m)}>{t('common.edit')}</Button> }] : []),
          ]}
        />
      </Card>
      {canEdit && (
        <MerchantFormModal
          open={editing !== null}
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </div>
  );
}
