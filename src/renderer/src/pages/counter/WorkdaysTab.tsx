// 系统设置 → 工作日调整: the override table that wins over the built-in official calendar (next year's
// holidays before the program knows them, or a local arrangement), and a due-date calculator to check it.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Segmented, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { WorkdayOverrideInfo } from '../../../../shared/api/contract-counter';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { useSaveForm } from './use-save-form';
import { CalendarNotice } from './CalendarNotice';

interface Values {
  date: Dayjs | null;
  kind: 'workday' | 'holiday';
  dayName: string;
}

/** The success message: saved, and how many open requests' due dates moved with the table. */
export function recountedText(t: TFunction, recounted: number): string {
  return recounted > 0 ? t('workdays.recounted', { count: recounted }) : t('common.saved');
}

/** A date of the table, new (editing null) or changed. */
function OverrideFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: WorkdayOverrideInfo | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'workdays.overrides.save'>(
    'workdays.overrides.save',
    ['date', 'kind', 'dayName'],
    (v) => ({ ...(editing ? { id: editing.id } : {}), date: v.date ? v.date.format('YYYY-MM-DD') : '', kind: v.kind, dayName: v.dayName }),
    onSaved,
    (saved) => recountedText(t, saved.recounted),
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { date: dayjs(editing.date), kind: editing.kind, dayName: editing.name } : { date: null, kind: 'holiday', dayName: '' });
  }, [open, editing, form]);
  return (
    <FormModal open={open} title={editing ? t('workdays.edit', { date: editing.date }) : t('workdays.add')} saving={saving} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="date" label={t('workdays.date')}>
          <DatePicker style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('workdays.kind')}>
          <Segmented options={[{ value: 'holiday', label: t('workdays.holiday') }, { value: 'workday', label: t('workdays.workday') }]} />
        </Form.Item>
        <Form.Item name="dayName" label={t('workdays.name')}>
          <Input placeholder="国庆节 / 春节调休上班" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}

function DueCalculator() {
  const { t } = useTranslation();
  const report = useReportError();
  const [from, setFrom] = useState<Dayjs>(dayjs());
  const [days, setDays] = useState<number>(5);
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .call('workdays.due', { from: from.format('YYYY-MM-DD'), days })
      .then((r) => live && setDue(r.due))
      .catch((error: unknown) => live && report(error));
    return () => {
      live = false;
    };
  }, [from, days, report]);
  return (
    <Space wrap className="due-calculator">
      <span>{t('workdays.calculator')}</span>
      <DatePicker value={from} allowClear={false} onChange={(d) => d && setFrom(d)} aria-label={t('workdays.from')} />
      <InputNumber min={0} max={365} value={days} onChange={(n) => setDays(n ?? 0)} aria-label={t('workdays.days')} addonAfter={t('workdays.days')} />
      {due && <strong className="due-result">{t('workdays.due', { due })}</strong>}
    </Space>
  );
}

export function WorkdaysTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const isAdmin = hasRole(user.role, 'admin');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<WorkdayOverrideInfo | null>(null);
  const list = useApi('workdays.overrides.list', {});

  const remove = (o: WorkdayOverrideInfo) =>
    modal.confirm({
      title: t('workdays.deleteConfirm', { date: o.date }),
      okText: t('workdays.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { recounted } = await api.call('workdays.overrides.delete', { id: o.id });
          if (recounted > 0) void message.success(t('workdays.recounted', { count: recounted }));
          await list.reload();
        } catch (error) {
          report(error);
        }
      },
    });

  return (
    <div className="workdays-tab">
      <p className="cell-muted">{t('workdays.intro')}</p>
      <CalendarNotice />
      <div className="service-toolbar" style={{ justifyContent: 'space-between', marginBottom: 12 }}>
        <DueCalculator />
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('workdays.add')}
          </Button>
        )}
      </div>
      <Table<WorkdayOverrideInfo>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('workdays.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'date', title: t('workdays.date'), dataIndex: 'date', width: 140 },
          { key: 'kind', title: t('workdays.kind'), width: 100, render: (_, o) => <Tag variant="filled" color={o.kind === 'holiday' ? 'red' : 'blue'}>{t(`workdays.${o.kind}`)}</Tag> },
          { key: 'name', title: t('workdays.name'), dataIndex: 'name' },
          ...(isAdmin
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 130,
                  render: (_: unknown, o: WorkdayOverrideInfo) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(o)}>
                        {t('workdays.change')}
                      </Button>
                      <Button type="link" danger size="small" onClick={() => remove(o)}>
                        {t('workdays.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdmin && (
        <OverrideFormModal
          open={adding || editing !== null}
          editing={editing}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={() => {
            setAdding(false);
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </div>
  );
}
