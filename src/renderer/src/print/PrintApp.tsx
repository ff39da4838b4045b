// The print preview: a toolbar (back, paper, print, save PDF, zoom) over the document's sheets on grey.
// In Electron, printing goes through the preload bridge (webContents.print / printToPDF); in the browser
// the browser's own dialog offers printers, copies and "Save as PDF". Every print is recorded first.
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Progress, Segmented, Select, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreetDeskBridge } from '../../../shared/api/bridge';
import { api } from '../api/client';
import { errorText } from '../lib/errors';
import { navigate } from '../app/router';
import type { DocStatus } from './doc-types';
import { DOCUMENTS } from './documents';
import { applyPageRule, type PaperSize } from './paper';
import { MissingNotice } from './MissingNotice';
import type { PrintLocation } from './print-location';
import './print.css';

const ZOOMS = [50, 75, 100, 125, 150];

function bridge(): StreetDeskBridge | undefined {
  return (window as { streetdesk?: StreetDeskBridge }).streetdesk;
}

export function PrintApp({ location }: { location: PrintLocation }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const spec = DOCUMENTS[location.doc];
  const [size, setSize] = useState<PaperSize | null>(() => {
    const asked = location.params.get('paper') as PaperSize | null;
    return asked && spec.sizes.includes(asked) ? asked : null;
  });
  const paper = useMemo(() => spec.paper(size), [spec, size]);
  const [zoom, setZoom] = useState(100);
  const [status, setStatus] = useState<DocStatus>({ records: 0, done: 0, total: 0, ready: false });
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => applyPageRule(paper), [paper]);
  useEffect(() => {
    document.documentElement.classList.add('print-mode');
    return () => document.documentElement.classList.remove('print-mode');
  }, []);
  // Tests and PDF export wait for this: every sheet on the page and its fonts loaded.
  useEffect(() => {
    if (!status.ready) {
      delete document.documentElement.dataset.printReady;
      return;
    }
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) document.documentElement.dataset.printReady = String(status.total);
    });
    return () => {
      live = false;
    };
  }, [status.ready, status.total]);

  const report = useCallback((next: DocStatus) => setStatus(next), []);
  const params = useMemo(() => Object.fromEntries(location.params.entries()), [location.params]);

  const missing = status.missing ?? [];
  /** A paper with settings missing goes out only once the clerk has seen what will be left blank. */
  const confirmOutput = (action: 'print' | 'pdf') => {
    if (missing.length === 0) return void output(action);
    modal.confirm({
      title: t('print.missing.confirmTitle'),
      content: t('print.missing.title', { items: missing.map((item) => t(`print.missing.items.${item}`)).join(t('print.missing.separator')) }),
      okText: t(action === 'print' ? 'print.missing.printAnyway' : 'print.missing.saveAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => void output(action),
    });
  };

  const output = async (action: 'print' | 'pdf') => {
    setBusy(true);
    try {
      await api.call('print.record', { doc: location.doc, params, action, records: status.records });
      const electron = bridge();
      if (electron?.printPage && electron.savePdf) {
        if (action === 'print') {
          const result = await electron.printPage();
          if (!result.ok && result.reason) void message.warning(t('print.failed', { reason: result.reason }));
        } else {
          const result = await electron.savePdf(`${t(`print.docs.${location.doc}`)}-${new Date().toISOString().slice(0, 10)}.pdf`);
          if (result.path) void message.success(t('print.savedPdf', { path: result.path }));
        }
      } else {
        window.print();
      }
      setReloadKey((k) => k + 1);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const View = spec.view;
  const Options = spec.options;
  const laying = !status.ready && status.total > 0;
  return (
    <div className="print-app">
      <div className="print-toolbar" role="toolbar">
        <Space size={8}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/overview'))}>
            {t('print.back')}
          </Button>
          <span className="print-doc-name">{t(`print.docs.${location.doc}`)}</span>
        </Space>
        <Space size={12}>
          {spec.sizes.length > 1 && (
            <Segmented<PaperSize> aria-label={t('print.paper')} options={[...spec.sizes]} value={paper.size} onChange={(v) => setSize(v)} />
          )}
          <Select
            aria-label={t('print.zoom')}
            value={zoom}
            onChange={setZoom}
            style={{ width: 96 }}
            options={ZOOMS.map((z) => ({ value: z, label: `${z}%` }))}
          />
          <span className="print-status" aria-live="polite">
            {laying ? (
              <>
                <Progress type="circle" size={18} percent={Math.round((status.done / status.total) * 100)} showInfo={false} />{' '}
                {t('print.laying', { done: status.done, total: status.total })}
              </>
            ) : status.ready ? (
              t('print.pages', { pages: status.total })
            ) : null}
          </span>
          <Tooltip title={spec.personal ? t('print.personalNotice') : undefined}>
            <Space size={8}>
              <Button icon={<FilePdfOutlined />} disabled={!status.ready} loading={busy} onClick={() => confirmOutput('pdf')}>
                {t('print.pdf')}
              </Button>
              <Button type="primary" icon={<PrinterOutlined />} disabled={!status.ready} loading={busy} onClick={() => confirmOutput('print')}>
                {t('print.print')}
              </Button>
            </Space>
          </Tooltip>
        </Space>
      </div>
      {(Options || missing.length > 0) && (
        <div className="print-notices">
          {Options && <Options params={location.params} />}
          {missing.length > 0 && <MissingNotice missing={missing} onFilled={() => setReloadKey((k) => k + 1)} />}
        </div>
      )}
      <main className="print-stage">
        <div className="print-sheets" style={{ zoom: zoom / 100 }}>
          <View params={location.params} paper={paper} reloadKey={reloadKey} report={report} />
        </div>
      </main>
    </div>
  );
}

