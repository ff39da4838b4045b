// 标准: each community's space and community workers against the standards in the settings (with their
// source), and whether it meets them.
import { Form, InputNumber, Table, Tag, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandardRow } from '../../../../shared/api/contract-gov';
import { useApi } from '../../api/use-api';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../lib/errors';
import { useSaveForm } from '../counter/use-save-form';
import { formatFen } from '../../../../shared/dues/money';

interface Values {
  households: number | null;
  officeArea: number | null;
  activityArea: number | null;
  workers: number | null;
}

function StandardModal({ row, onClose, onSaved }: { row: StandardRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSaveForm<Values, 'standards.save'>('standards.save', ['households', 'officeArea', 'activityArea', 'workers'], (v) => ({ communityId: row?.communityId ?? 0, ...v }), onSaved);
  useEffect(() => {
    if (!row) return;
    form.resetFields();
    form.setFieldsValue({ households: row.households, officeArea: row.officeArea, activityArea: row.activityArea, workers: row.workers });
  }, [row, form]);
  const f = (key: string) => t(`gov.standards.form.${key}`);
  return (
    <FormModal open={!!row} title={row?.communityName ?? ''} saving={saving} width={480} onSubmit={() => void submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <div className="gov-form-row">
          {(['households', 'officeArea', 'activityArea', 'workers'] as const).map((key) => (
            <Form.Item key={key} name={key} label={f(key)}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </div>
      </Form>
    </FormModal>
  );
}

export function StandardsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<StandardRow | null>(null);
  const table = useApi('standards.table', {});
  const s = table.data?.settings;
  const met = (v: boolean | null) => (v === null ? <Tag>{t('gov.standards.unknown')}</Tag> : v ? <Tag color="green">{t('gov.standards.met')}</Tag> : <Tag color="red">{t('gov.standards.notMet')}</Tag>);
  return (
    <div>
      {s && <p className="gov-muted">{t('gov.standards.source', { source: s.standardsSource, min: s.minSpace, per100: s.spacePer100Households, households: s.householdsPerWorker })}</p>}
      {table.error ? <div className="load-error">{errorText(table.error)}</div> : null}
      <Table<StandardRow>
        rowKey="communityId"
        size="small"
        loading={table.loading}
        dataSource={table.data?.rows ?? []}
        pagination={false}
        columns={[
          { key: 'community', title: t('gov.standards.columns.community'), dataIndex: 'communityName' },
          { key: 'households', title: t('gov.standards.columns.households'), width: 90, align: 'right', render: (_, r) => r.households ?? t('gov.none') },
          { key: 'space', title: t('gov.standards.columns.space'), width: 120, align: 'right', render: (_, r) => r.space ?? t('gov.none') },
          { key: 'spaceRequired', title: t('gov.standards.columns.spaceRequired'), width: 110, align: 'right', render: (_, r) => r.spaceRequired ?? t('gov.none') },
          { key: 'spaceMet', title: '', width: 80, render: (_, r) => met(r.spaceMet) },
          { key: 'workers', title: t('gov.standards.columns.workers'), width: 100, align: 'right', render: (_, r) => r.workers ?? t('gov.none') },
          { key: 'workersRequired', title: t('gov.standards.columns.workersRequired'), width: 80, align: 'right', render: (_, r) => r.workersRequired ?? t('gov.none') },
          { key: 'workersMet', title: t('gov.standards.columns.result'), width: 90, render: (_, r) => met(r.workersMet) },
          { key: 'funds', title: t('gov.standards.columns.funds'), width: 120, align: 'right', render: (_, r) => (r.fundsEntitlementFen === null ? t('gov.none') : formatFen(r.fundsEntitlementFen, true)) },
          { key: 'fundsSpent', title: t('gov.standards.columns.fundsSpent'), width: 120, align: 'right', render: (_, r) => (r.fundsSpentFen === null ? t('gov.none') : formatFen(r.fundsSpentFen, true)) },
          ...(canEdit ? [{ key: 'actions', width: 70, render: (_: unknown, r: StandardRow) => <Button size="small" onClick={() => setEditing(r)}>{t('gov.standards.edit')}</Button> }] : []),
        ]}
      />
      {canEdit && <StandardModal row={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void table.reload(); }} />}
    </div>
  );
}
