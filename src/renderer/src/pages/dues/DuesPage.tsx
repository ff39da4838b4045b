// 党费: the month's ledger per branch (AG Grid; generated from the roster), payments entered against it, the
// branch's and the street's closing, the arrears list with the 6-month flag, and each member's dues history.
import { CellStyleModule, ClientSideRowModelModule, ModuleRegistry, RowStyleModule, themeQuartz, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesLedgerRow, DuesPaymentInfo } from '../../../../shared/api/contract-dues';
import { formatFen } from '../../../../shared/dues/money';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { PARTY_RED } from '../../app/theme';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useReportError } from '../../lib/errors';
import { formatMonth } from '../../lib/format';
import { orgLabel } from '../../../../shared/org-label';
import { hasRole } from '../../lib/roles';
import { useLanguage } from '../../lib/use-language';
import { PrintButton } from '../../print/PrintButton';
import type { PageProps } from '../../app/routes';
import { HistoryDrawer } from './HistoryDrawer';
import { PayModal } from './PayModal';
import { PayManyModal } from './PayManyModal';
import { yuan } from './dues-format';
import './dues.css';

ModuleRegistry.registerModules([ClientSideRowModelModule, CellStyleModule, RowStyleModule]);

const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#f7f8fa',
  borderColor: '#e5e6eb',
  accentColor: PARTY_RED,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
});

function useBranches() {
  const tree = useApi('orgs.tree', {});
  return (tree.data ?? []).filter((o) => (o.level === 'branch' || o.level === 'general_branch') && o.closedOn === null && o.inScope);
}

function LedgerTab({ canEdit, onOpenMember }: { canEdit: boolean; onOpenMember: (id: number) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const [period, setPeriod] = useState(dayjs().format('YYYY-MM'));
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [paying, setPaying] = useState<{ memberId?: number } | null>(null);
  const [payingMany, setPayingMany] = useState(false);
  const [lastPayment, setLastPayment] = useState<DuesPaymentInfo | null>(null);
  const branches = useBranches();
  const ledger = useApi('dues.ledger', { period, ...(orgId ? { orgId } : {}) }, [period, orgId]);
  const l = ledger.data;
  const close = l?.closes.find((c) => c.orgId === orgId);
  const rows = useMemo(() => l?.rows ?? [], [l]);

  const columns = useMemo<ColDef<DuesLedgerRow>[]>(
    () => [
      { field: 'name', headerName: t('dues.columns.name'), width: 110, pinned: 'left', cellClass: 'cell-link' },
      { field: 'branch', headerName: t('dues.columns.branch'), width: 170 },
      { field: 'category', headerName: t('dues.columns.category'), width: 90, valueFormatter: (p) => (p.value ? t(`dues.categories.${p.value as string}`) : '') },
      { field: 'baseFen', headerName: t('dues.columns.base'), width: 110, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number | null) },
      { field: 'dueFen', headerName: t('dues.columns.due'), width: 100, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { field: 'paidFen', headerName: t('dues.columns.paid'), width: 100, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      {
        colId: 'state',
        headerName: t('dues.columns.state'),
        width: 90,
        valueGetter: (p) => (p.data ? (p.data.settled ? 'settled' : p.data.paidFen > 0 ? 'partial' : 'owing') : ''),
        valueFormatter: (p) => (p.value ? t(`dues.state.${p.value as string}`) : ''),
        cellStyle: (p) => (p.value === 'owing' ? { color: PARTY_RED } : p.value === 'partial' ? { color: '#d46b08' } : { color: '#389e0d' }),
      },
      { field: 'rule', headerName: t('dues.columns.rule'), flex: 1, minWidth: 220 },
    ],
    [t],
  );

  const generate = async () => {
    try {
      const r = await api.call('dues.generate', { period, ...(orgId ? { orgId } : {}) });
      void message.success(t('dues.generated', r));
      await ledger.reload();
    } catch (error) {
      report(error);
    }
  };
  const closeMonth = (level: 'branch' | 'street') => {
    if (!orgId) return;
    Modal.confirm({
      title: level === 'branch' ? t('dues.closeBranch') : t('dues.closeStreet'),
      content: t('dues.closeConfirm', { period: formatMonth(period, lang) }),
      onOk: async () => {
        try {
          await api.call('dues.close', { orgId, period, level });
          await ledger.reload();
        } catch (error) {
          report(error);
        }
      },
    });
  };

  return (
    <>
      <div className="dues-toolbar">
        <DatePicker picker="month" value={dayjs(`${period}-01`)} allowClear={false} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('dues.month')} />
        <Select
          style={{ width: 220 }}
          value={orgId ?? 0}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('dues.org')}
          options={[{ value: 0, label: t('dues.allOrgs') }, ...branches.map((o) => ({ value: o.id, label: orgLabel(o) }))]}
          onChange={(v) => setOrgId(v === 0 ? undefined : v)}
        />
        {close && <Tag color="red">{t('dues.closedBy', { level: close.streetClosedBy ? t('dues.levelStreet') : t('dues.levelBranch'), by: close.streetClosedBy ?? close.branchClosedBy })}</Tag>}
        <span className="dues-spacer" />
        {canEdit && (
          <>
            <Button onClick={() => void generate()} disabled={!!close}>
              {t('dues.generate')}
            </Button>
            <Button type="primary" onClick={() => setPaying({})} disabled={rows.length === 0}>
              {t('dues.pay')}
            </Button>
            <Button onClick={() => setPayingMany(true)}>{t('dues.payMany.open')}</Button>
            {orgId && !close && <Button onClick={() => closeMonth('branch')}>{t('dues.closeBranch')}</Button>}
            {orgId && close && !close.streetClosedBy && !user.scopeCommunityCode && <Button onClick={() => closeMonth('street')}>{t('dues.closeStreet')}</Button>}
          </>
        )}
        {orgId && <PrintButton doc="duesBoard" params={{ org: orgId, period }} label={t('dues.board')} />}
        <PrintButton doc="duesRemittance" params={{ period, org: orgId }} label={t('dues.remittance')} />
        <PrintButton doc="duesStatement" params={{ year: period.slice(0, 4), org: orgId }} label={t('dues.statement')} />
      </div>
      {lastPayment && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setLastPayment(null)}
          style={{ marginBottom: 8 }}
          message={`${t('dues.payForm.saved', { number: lastPayment.receiptNumber })} · ${lastPayment.memberName} · ${formatFen(lastPayment.amountFen, true)}`}
          action={<PrintButton size="small" type="primary" doc="duesReceipt" params={{ payment: lastPayment.id }} label={t('dues.payForm.printReceipt')} />}
        />
      )}
      {ledger.error ? <div className="load-error">{errorText(ledger.error)}</div> : null}
      {l && l.missing > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('dues.missing', { count: l.missing })} />}
      <div className="dues-grid">
        <AgGridReact<DuesLedgerRow>
          theme={GRID_THEME}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.memberId)}
          onCellClicked={(e) => e.colDef.field === 'name' && e.data && onOpenMember(e.data.memberId)}
          onRowDoubleClicked={(e) => canEdit && e.data && !close && setPaying({ memberId: e.data.memberId })}
          overlayNoRowsTemplate={`<span>${t('common.empty')}</span>`}
        />
      </div>
      {l && <p className="dues-summary">{t('dues.totals', { due: yuan(l.totals.dueFen), paid: yuan(l.totals.paidFen), settled: l.totals.settled, members: l.totals.members })}</p>}
      <PayManyModal
        open={payingMany}
        onClose={() => setPayingMany(false)}
        onSaved={() => {
          setPayingMany(false);
          void ledger.reload();
        }}
      />
      <PayModal
        open={paying !== null}
        period={period}
        rows={rows}
        memberId={paying?.memberId}
        onClose={() => setPaying(null)}
        onSaved={(p) => {
          setPaying(null);
          setLastPayment(p);
          void ledger.reload();
        }}
      />
    </>
  );
}

/** `#/dues/arrears/2026-09/6`: the arrears as of a month, owing at least so many months (the overview links here). */
export function parseDuesPath(subPath: string): { arrears: boolean; asOf?: string; minMonths?: number } {
  const m = /^arrears(?:\/(\d{4}-(?:0[1-9]|1[0-2])))?(?:\/(\d{1,3}))?$/.exec(subPath);
  if (!m) return { arrears: false };
  return { arrears: true, ...(m[1] ? { asOf: m[1] } : {}), ...(m[2] && Number(m[2]) >= 1 ? { minMonths: Number(m[2]) } : {}) };
}

function ArrearsTab({ onOpenMember, opened }: { onOpenMember: (id: number) => void; opened: { asOf?: string; minMonths?: number } }) {
  const { t } = useTranslation();
  const [minMonths, setMinMonths] = useState(opened.minMonths ?? 1);
  const [asOf, setAsOf] = useState(opened.asOf ?? dayjs().format('YYYY-MM'));
  const arrears = useApi('dues.arrears', { minMonths, asOf }, [minMonths, asOf]);
  const c = (key: string) => t(`dues.arrears.columns.${key}`);
  return (
    <>
      <div className="dues-toolbar">
        <span>{t('dues.arrears.minMonths')}</span>
        <InputNumber min={1} max={120} value={minMonths} onChange={(v) => setMinMonths(v ?? 1)} aria-label={t('dues.arrears.minMonths')} />
        <span>{t('dues.arrears.asOf')}</span>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${asOf}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setAsOf(d.format('YYYY-MM'))} aria-label={t('dues.arrears.asOf')} />
        <span className="dues-summary">{t('dues.arrears.description')}</span>
      </div>
      {arrears.error ? <div className="load-error">{errorText(arrears.error)}</div> : null}
      <Table
        size="small"
        rowKey="memberId"
        loading={arrears.loading}
        dataSource={arrears.data?.rows ?? []}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{ emptyText: t('dues.arrears.none') }}
        columns={[
          {
            key: 'name',
            title: c('name'),
            render: (_, r) => (
              <a onClick={() => onOpenMember(r.memberId)}>
                {r.name} {r.flagged && <Tag color="red">{t('dues.arrears.flagged')}</Tag>}
              </a>
            ),
          },
          { key: 'branch', title: c('branch'), dataIndex: 'branch' },
          { key: 'community', title: c('community'), dataIndex: 'community' },
          { key: 'monthsOwed', title: c('monthsOwed'), align: 'right', dataIndex: 'monthsOwed' },
          { key: 'monthsInRow', title: c('monthsInRow'), align: 'right', dataIndex: 'monthsInRow' },
          { key: 'owed', title: c('owed'), align: 'right', render: (_, r) => <span className="dues-figure">{yuan(r.owedFen)}</span> },
          { key: 'range', title: c('range'), render: (_, r) => (r.firstOwed === r.lastOwed ? r.firstOwed : `${r.firstOwed} – ${r.lastOwed}`) },
        ]}
      />
    </>
  );
}

function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const settings = useApi('dues.settings', {});
  const [form] = Form.useForm<{ farmer: number }>();
  if (!settings.data) return null;
  return (
    <Card className="panel" style={{ maxWidth: 520 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ farmer: settings.data.farmerFen / 100 }}
        onFinish={async (v) => {
          try {
            await api.call('dues.saveSettings', { farmerFen: Math.round(v.farmer * 100) });
            void message.success(t('common.saved'));
          } catch (error) {
            report(error);
          }
        }}
      >
        <Form.Item name="farmer" label={t('dues.settings.farmer')} extra={t('dues.settings.farmerHelp')}>
          <InputNumber min={0.2} max={1} step={0.1} precision={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('dues.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}

export default function DuesPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const [member, setMember] = useState<number | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const opened = parseDuesPath(subPath);
  const items = [
    { key: 'ledger', label: t('dues.tabs.ledger'), children: <LedgerTab key={reloadKey} canEdit={canEdit} onOpenMember={setMember} /> },
    { key: 'arrears', label: t('dues.tabs.arrears'), children: <ArrearsTab key={subPath} opened={opened} onOpenMember={setMember} /> },
    ...(hasRole(user.role, 'admin') ? [{ key: 'settings', label: t('dues.tabs.settings'), children: <SettingsTab /> }] : []),
  ];
  return (
    <div className="page">
      <PageHeader title={t('dues.title')} description={t('dues.description')} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Tabs key={subPath} items={items} defaultActiveKey={opened.arrears ? 'arrears' : 'ledger'} destroyOnHidden />
      </Space>
      <HistoryDrawer memberId={member} canEdit={canEdit} onClose={() => setMember(null)} onChanged={() => setReloadKey((k) => k + 1)} />
    </div>
  );
}
