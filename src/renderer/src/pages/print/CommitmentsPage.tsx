// 党员承诺: one commitment a member and year, kept for the public board (党员承诺公示), with the board's
// print button. A small editor: member, year, text.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import type { CommitmentInfo } from '../../../../shared/api/contract-print';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { hasRole } from '../../lib/roles';
import { PrintButton } from '../../print/PrintButton';
import { MemberPicker } from '../transfers/MemberPicker';

interface Values {
  memberId: number | null;
  year: number;
  commitment: string;
}
const FIELDS = ['memberId', 'year', 'commitment'] as const;

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const k = (key: string) => t(`print.commitments.${key}`);
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useApi('commitments.list', { year }, [year]);
  const [editing, setEditing] = useState<CommitmentInfo | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const open = (row: CommitmentInfo | 'new') => {
    setEditing(row);
    form.setFieldsValue(row === 'new' ? { memberId: null, year, commitment: '' } : { memberId: row.memberId, year: row.year, commitment: row.commitment });
  };
  const save = async () => {
    const values = form.getFieldsValue();
    const input = { ...(editing !== 'new' && editing ? { id: editing.id } : {}), ...values };
    await submitChecked({
      form,
      schema: contract['commitments.save'].input,
      input,
      fields: FIELDS,
      report,
      setSaving,
      call: async () => {
        await api.call('commitments.save', input as { memberId: number; year: number; commitment: string });
        void message.success(k('saved'));
        setEditing(null);
        await list.reload();
      },
    });
  };
  const remove = async (row: CommitmentInfo) => {
    try {
      await api.call('commitments.delete', { id: row.id });
      void message.success(k('deleted'));
      await list.reload();
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title={k('title')}
        extra={
          <Space>
            <InputNumber aria-label={k('year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            <PrintButton doc="board" params={{ kind: 'commitments', year }} label={t('print.board.open.commitments')} />
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
                {k('add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="panel">
        <Table<CommitmentInfo>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{ emptyText: k('empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(row) => ({ onDoubleClick: () => canEdit && open(row) })}
          columns={[
            { key: 'name', title: k('member'), dataIndex: 'memberName', width: 110 },
            { key: 'branch', title: k('branch'), dataIndex: 'branch', width: 200 },
            { key: 'commitment', title: k('commitment'), dataIndex: 'commitment' },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 90,
                    render: (_: unknown, row: CommitmentInfo) => (
                      <Popconfirm title={k('delete')} onConfirm={() => void remove(row)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={k('delete')} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FormModal open={editing !== null} title={k(editing === 'new' ? 'add' : 'title')} saving={saving} onSubmit={() => void save()} onClose={() => setEditing(null)}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="memberId" label={k('member')}>
            <MemberPicker onPicked={() => undefined} />
          </Form.Item>
          <Form.Item name="year" label={k('year')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="commitment" label={k('commitment')}>
            <Input.TextArea rows={4} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
