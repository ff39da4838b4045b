// 按表格登记: the branch treasurer's payment sheet, pasted from Excel or WPS (Ctrl+V into the box) or chosen as
// a file (.xlsx, or CSV in UTF-8 or GBK), read by the same reader as the CLI's `dues import`. The rows show
// before anything is written; 检查 runs every row through the real rules without recording; 登记 records all
// of them, or — one row refused — none, each refusal named by its sheet row.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Table, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesPayManyResult } from '../../../../shared/api/contract-dues';
import { formatFen } from '../../../../shared/dues/money';
import { readPaymentSheet, type PaymentSheet, type PaymentSheetRow } from '../../../../shared/dues/payment-sheet';
import { formatIssue } from '../../../../shared/i18n/messages';
import type { FieldIssue } from '../../../../shared/result';
import { parseTsv } from '../../../../shared/text/tsv';
import { api, ApiCallError } from '../../api/client';
import { errorText } from '../../lib/errors';
import { useLanguage } from '../../lib/use-language';

type Checked = { ok: true; result: DuesPayManyResult } | { ok: false; problems: string[] };

export function PayManyModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (result: DuesPayManyResult) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [fromFile, setFromFile] = useState<{ name: string; sheet: PaymentSheet } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setText('');
    setFromFile(null);
    setChecked(null);
  }, [open]);

  // A paste is read as the clerk types; a file as the core read it.
  const sheet: PaymentSheet | null = useMemo(() => {
    if (fromFile) return fromFile.sheet;
    if (text.trim() === '') return null;
    return readPaymentSheet(parseTsv(text).map((cells, i) => ({ row: i + 1, cells })));
  }, [text, fromFile]);
  const rows = sheet?.rows ?? [];
  const readProblems = (sheet?.issues ?? []).map((i) => formatIssue(i, lang, 'dues'));
  const total = rows.reduce((sum, r) => sum + r.amountFen, 0);

  const call = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await api.call('dues.payMany', {
        dryRun,
        payments: rows.map(({ name, reference, ...r }) => ({ ...r, ...(name ? { name } : {}), ...(reference ? { reference } : {}) })),
      });
      if (dryRun) setChecked({ ok: true, result });
      else {
        void message.success(t('dues.payMany.saved', { count: result.count, amount: formatFen(result.totalFen, true) }));
        onSaved(result);
      }
    } catch (error) {
      const issues = error instanceof ApiCallError && error.code === 'VALIDATION' ? ((error.error.details?.issues ?? []) as FieldIssue[]) : [];
      setChecked({ ok: false, problems: issues.length ? issues.map((i) => formatIssue(i, lang, 'dues')) : [errorText(error)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('dues.payMany.title')}
      width={960}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void call(true)} disabled={rows.length === 0 || readProblems.length > 0} loading={busy}>
            {t('dues.payMany.check')}
          </Button>
          <Button type="primary" onClick={() => void call(false)} disabled={rows.length === 0 || readProblems.length > 0} loading={busy}>
            {t('dues.payMany.record', { count: rows.length })}
          </Button>
        </Space>
      }
    >
      <p className="cell-muted" style={{ marginTop: 0 }}>
        {t('dues.payMany.help')}
      </p>
      <Space align="start" style={{ width: '100%', marginBottom: 8 }}>
        <Input.TextArea
          aria-label={t('dues.payMany.paste')}
          placeholder={t('dues.payMany.placeholder')}
          value={fromFile ? '' : text}
          disabled={fromFile !== null}
          onChange={(e) => {
            setText(e.target.value);
            setChecked(null);
          }}
          autoSize={{ minRows: 4, maxRows: 8 }}
          style={{ width: 640, fontFamily: 'monospace' }}
        />
        <Upload
          accept=".xlsx,.csv,.txt"
          showUploadList={false}
          beforeUpload={(file) => {
            void (async () => {
              try {
                const read = await api.call('dues.readSheet', { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
                setFromFile({ name: file.name, sheet: read });
                setChecked(null);
              } catch (error) {
                setChecked({ ok: false, problems: [errorText(error)] });
              }
            })();
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<FileExcelOutlined />}>{t('dues.payMany.file')}</Button>
        </Upload>
        {fromFile && (
          <Button type="link" onClick={() => setFromFile(null)}>
            {t('dues.payMany.clearFile', { name: fromFile.name })}
          </Button>
        )}
      </Space>
      {readProblems.length > 0 && <Problems title={t('dues.payMany.unreadable')} problems={readProblems} />}
      {checked && !checked.ok && <Problems title={t('dues.payMany.refused')} problems={checked.problems} />}
      {checked?.ok && <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t('dues.payMany.checked', { count: checked.result.count, amount: formatFen(checked.result.totalFen, true) })} />}
      {rows.length > 0 && (
        <Table<PaymentSheetRow>
          className="dues-sheet-preview"
          rowKey="sheetRow"
          size="small"
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={rows}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('dues.payMany.total', { count: rows.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatFen(total, true)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={2} />
            </Table.Summary.Row>
          )}
          columns={[
            { key: 'row', title: t('dues.payMany.columns.row'), dataIndex: 'sheetRow', width: 60 },
            { key: 'name', title: t('dues.columns.name'), dataIndex: 'name', width: 90 },
            { key: 'id', title: t('dues.payMany.columns.idNumber'), dataIndex: 'idNumber', width: 180 },
            { key: 'periods', title: t('dues.payForm.months'), render: (_, r) => r.periods.join('、') },
            { key: 'amount', title: t('dues.payForm.amount'), align: 'right', width: 110, render: (_, r) => formatFen(r.amountFen, true) },
            { key: 'method', title: t('dues.payForm.method'), width: 80, render: (_, r) => t(`dues.methods.${r.method}`) },
            { key: 'reference', title: t('dues.payForm.reference'), dataIndex: 'reference', width: 120 },
          ]}
        />
      )}
    </Modal>
  );
}

function Problems({ title, problems }: { title: string; problems: string[] }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 8 }}
      message={title}
      description={
        <ul className="dues-sheet-problems" style={{ margin: 0, paddingLeft: 18, maxHeight: 160, overflow: 'auto' }}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}
