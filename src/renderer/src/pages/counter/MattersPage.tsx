// 服务事项清单: the catalog on the three lists, filtered by list and by name or pinyin initials; the
// administrator adds, edits, reclassifies, retires and restores matters.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Segmented, Space, Table, Tag } from 'antd';
import { PrintButton } from '../../print/PrintButton';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceMatterInfo } from '../../../../shared/api/contract-counter';
import { LIST_CLASSES, type ListClass } from '../../../../shared/api/schemas-counter';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useReportError } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { ListClassTag, matterMatches, useLimitText } from './counter-labels';
import { MatterFormModal } from './MatterFormModal';
import './counter.css';

export default function MattersPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const isAdmin = hasRole(user.role, 'admin');
  const limitText = useLimitText();
  const [showRetired, setShowRetired] = useState(false);
  const [listClass, setListClass] = useState<ListClass | 'all'>('all');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<ServiceMatterInfo | 'new' | null>(null);
  const matters = useApi('matters.list', { includeRetired: showRetired }, [showRetired]);
  const rows = useMemo(
    () => (matters.data ?? []).filter((m) => (listClass === 'all' || m.listClass === listClass) && matterMatches(m, query)),
    [matters.data, listClass, query],
  );

  const setActive = (m: ServiceMatterInfo, active: boolean) => {
    const run = async () => {
      try {
        if (active) await api.call('matters.update', { id: m.id, version: m.version, active: true });
        else await api.call('matters.retire', { id: m.id });
        void message.success(t('common.saved'));
        await matters.reload();
      } catch (error) {
        report(error);
      }
    };
    if (active) void run();
    else modal.confirm({ title: t('matters.retireConfirm', { name: m.name }), okText: t('matters.retire'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: run });
  };

  return (
    <div className="page">
      <PageHeader
        title={t('matters.title')}
        description={t('matters.description')}
        extra={
          <Space>
            <PrintButton doc="threeLists" params={{}} label={t('print.threeLists.open')} />
            {isAdmin ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('matters.create')}
              </Button>
            ) : (
              <Tag variant="filled">{t('common.readOnlyAdminOnly')}</Tag>
            )}
          </Space>
        }
      />
      <Card className="panel service-card">
        <div className="service-toolbar" style={{ marginBottom: 12 }}>
          <Segmented<ListClass | 'all'>
            value={listClass}
            onChange={setListClass}
            options={[{ value: 'all', label: t('matters.all') }, ...LIST_CLASSES.map((c) => ({ value: c, label: t(`counter.listClassLong.${c}`) }))]}
          />
          <Input.Search allowClear placeholder={t('matters.search')} style={{ width: 260 }} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('matters.search')} />
          <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
            {t('matters.showRetired')}
          </Checkbox>
          <span className="cell-muted">{t('matters.count', { count: rows.length })}</span>
        </div>
        {matters.error ? <div className="load-error">{errorText(matters.error)}</div> : null}
        <Table<ServiceMatterInfo>
          rowKey="id"
          size="middle"
          loading={matters.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              key: 'name',
              title: t('matters.columns.name'),
              render: (_, m) => (
                <div className="request-cell">
                  <span>
                    {m.name}
                    {!m.active && <Tag className="counter-tag" style={{ marginLeft: 6 }}>{t('matters.retired')}</Tag>}
                  </span>
                  <span className="cell-muted">{m.legalBasis}</span>
                </div>
              ),
            },
            { key: 'list', title: t('matters.columns.listClass'), width: 70, render: (_, m) => <ListClassTag listClass={m.listClass} /> },
            { key: 'category', title: t('matters.columns.category'), width: 90, render: (_, m) => t(`counter.category.${m.category}`) },
            { key: 'limit', title: t('matters.columns.limit'), width: 110, render: (_, m) => limitText(m.limitDays) },
            { key: 'post', title: t('matters.columns.post'), width: 130, dataIndex: 'responsiblePost' },
            { key: 'materials', title: t('matters.columns.materials'), width: 240, render: (_, m) => <span className="cell-muted">{m.materials.join('、')}</span> },
            { key: 'fee', title: t('matters.columns.fee'), width: 80, dataIndex: 'fee' },
            ...(isAdmin
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 120,
                    render: (_: unknown, m: ServiceMatterInfo) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(m)}>
                          {t('common.edit')}
                        </Button>
                        <Button type="link" size="small" danger={m.active} onClick={() => setActive(m, !m.active)}>
                          {m.active ? t('matters.retire') : t('matters.restore')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {isAdmin && (
        <MatterFormModal
          open={editing !== null}
          matter={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void matters.reload();
          }}
        />
      )}
    </div>
  );
}
