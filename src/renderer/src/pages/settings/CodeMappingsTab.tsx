// 代码对应: the words clerks mapped to codes in imports (学历 电大 → 大学专科), with who mapped each and when,
// for the administrator to review; a wrong one is removed and the next import asks again. The words the
// program knows by itself (本科, 汉 …) are listed below, for reference.
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Segmented, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeSynonym } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { useReportError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';

export function CodeMappingsTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const isAdmin = hasRole(user.role, 'admin');
  const synonyms = useApi('codes.synonyms');
  const [source, setSource] = useState<'user' | 'builtin'>('user');
  const rows = useMemo(() => (synonyms.data ?? []).filter((s) => s.source === source).map((s) => ({ ...s, key: `${s.table}/${s.text}` })), [synonyms.data, source]);

  const remove = async (row: CodeSynonym) => {
    try {
      await api.call('codes.removeSynonym', { table: row.table, text: row.text });
      void message.success(t('codeMappings.removed', { text: row.text }));
      void synonyms.reload();
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="settings-section">
      <p className="muted">{t('codeMappings.intro')}</p>
      <Segmented<'user' | 'builtin'>
        value={source}
        onChange={setSource}
        options={[
          { value: 'user', label: t('codeMappings.user') },
          { value: 'builtin', label: t('codeMappings.builtin') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        loading={synonyms.loading}
        dataSource={rows}
        locale={{ emptyText: source === 'user' ? t('codeMappings.noneUser') : t('codeMappings.noneBuiltin') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        columns={[
          { key: 'table', title: t('codeMappings.table'), dataIndex: 'table', width: 120, render: (table: CodeSynonym['table']) => <Tag>{t(`codeMappings.tables.${table}`)}</Tag> },
          { key: 'text', title: t('codeMappings.text'), dataIndex: 'text', render: (text: string) => <span className="mono">{text}</span> },
          { key: 'label', title: t('codeMappings.label'), render: (_: unknown, row) => (lang === 'zh-CN' ? `${row.label}（${row.code}）` : `${row.label} (${row.code})`) },
          ...(source === 'user'
            ? [
                { key: 'by', title: t('codeMappings.by'), dataIndex: 'createdBy', width: 120 },
                { key: 'at', title: t('codeMappings.at'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at, lang) },
                ...(isAdmin
                  ? [
                      {
                        key: 'remove',
                        title: '',
                        width: 80,
                        render: (_: unknown, row: CodeSynonym) => (
                          <Popconfirm title={t('codeMappings.confirmRemove', { text: row.text, label: row.label })} onConfirm={() => void remove(row)} okText={t('codeMappings.remove')} cancelText={t('common.cancel')}>
                            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('codeMappings.remove')} ${row.text}`}>
                              {t('codeMappings.remove')}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
    </div>
  );
}
