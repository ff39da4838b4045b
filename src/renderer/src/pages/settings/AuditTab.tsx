// 审计日志: who did what and when, filtered by user, action, object and dates, paged by the core;
// each row opens to its before/after record. 校验日志链 checks the hash chain end to end.
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, AuditEntry, AuditVerifyResult } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel, auditEntityLabel } from '../../lib/audit-labels';
import { errorText, useReportError } from '../../lib/errors';
import { formatDateTimeSeconds, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

interface Filters {
  username?: string;
  action?: string;
  entity?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toInput(filters: Filters, page: number, pageSize: number): ApiInput<'audit.list'> {
  const input: ApiInput<'audit.list'> = { offset: (page - 1) * pageSize, limit: pageSize };
  if (filters.username?.trim()) input.username = filters.username.trim();
  if (filters.action) input.action = filters.action;
  if (filters.entity) input.entity = filters.entity;
  if (filters.dates?.[0]) input.from = filters.dates[0].format('YYYY-MM-DD');
  if (filters.dates?.[1]) input.to = filters.dates[1].format('YYYY-MM-DD');
  return input;
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="json-block">
      <div className="json-label">{label}</div>
      <pre className="json">{value === null || value === undefined ? t('audit.nothing') : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

export function AuditTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const report = useReportError();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ total: number; entries: AuditEntry[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.call('audit.list', toInput(filters, page, pageSize)));
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }, [filters, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerified(await api.call('audit.verify'));
    } catch (error) {
      report(error);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div className="tab-body">
      <Form<Filters>
        form={form}
        layout="inline"
        className="filter-bar"
        onFinish={(values) => {
          setPage(1);
          setFilters({ ...values });
        }}
      >
        <Form.Item name="username" label={t('audit.username')}>
          <Input placeholder={t('audit.usernamePlaceholder')} allowClear style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.anyAction')}
            style={{ width: 150 }}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(action, lang) }))}
          />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Select
            allowClear
            placeholder={t('audit.anyEntity')}
            style={{ width: 100 }}
            options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: auditEntityLabel(entity, lang) }))}
          />
        </Form.Item>
        <Form.Item name="dates" label={t('audit.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 224 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setPage(1);
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <div className="toolbar">
        <Space>
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
        </Space>
      </div>
      {verified && (
        <Alert
          className="tab-hint verify-result"
          type={verified.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerified(null) }}
          title={
            verified.ok
              ? t('audit.verifyOk', { count: formatNumber(verified.checked, lang) })
              : t('audit.verifyBroken', {
                  id: verified.firstBroken?.id ?? '?',
                  reason: verified.firstBroken ? t(`auditBreak.${verified.firstBroken.reason}`) : '',
                })
          }
        />
      )}
      {loadError ? <div className="load-error">{errorText(loadError)}</div> : null}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.entries ?? []}
        expandable={{
          expandedRowRender: (row) => (
            <div className="json-pair">
              <JsonBlock label={t('audit.before')} value={row.before} />
              <JsonBlock label={t('audit.after')} value={row.after} />
            </div>
          ),
          rowExpandable: (row) => row.before !== null || row.after !== null,
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total: formatNumber(total, lang) }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize !== pageSize ? 1 : nextPage);
            setPageSize(nextSize);
          },
        }}
        columns={[
          { key: 'id', title: '#', dataIndex: 'id', width: 70, render: (v: number) => <span className="mono muted">{v}</span> },
          { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTimeSeconds(v, lang) },
          {
            key: 'username',
            title: t('audit.username'),
            dataIndex: 'username',
            width: 130,
            render: (v: string) => v || <span className="muted">{t('audit.system')}</span>,
          },
          { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (v: string) => <span title={v}>{auditActionLabel(v, lang)}</span> },
          { key: 'entity', title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (v: string) => auditEntityLabel(v, lang) },
          { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', width: 240, ellipsis: true, render: (v: string | null) => (v ? <span className="mono">{v}</span> : '') },
        ]}
      />
    </div>
  );
}
