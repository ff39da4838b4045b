// 导入党员: an Excel roster in five steps — file, sheet, header and columns, dry run, import. Every step
// before the last asks the core for a dry run (members.importPreview); only 导入 N 名党员 writes, in one
// transaction (members.importCommit), after the clerk confirms.
import { ArrowLeftOutlined, ArrowRightOutlined, DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { DoneStep } from './DoneStep';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import {
  DEFAULT_OPTIONS,
  failureText,
  importInput,
  isNoHeaderFailure,
  missingRequired,
  rememberedMapping,
  rememberMapping,
  rejectedFileName,
  rejectedRowCount,
  saveBytes,
  sheetsOfFailure,
  type RosterFile,
  type WizardOptions,
} from './import-options';
import { MappingStep } from './MappingStep';
import { SheetStep } from './SheetStep';
import { useImportJob, type ImportOutcome } from './use-import-job';
import './import.css';

type Step = 0 | 1 | 2 | 3 | 4;

/** A quick dry run shows no progress bar at all; a slow one shows it after this long. */
const PROGRESS_AFTER_MS = 250;

export default function ImportMembersPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const job = useImportJob();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<RosterFile | null>(null);
  const [options, setOptions] = useState<WizardOptions>(DEFAULT_OPTIONS);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  /** The column mapping came from the clerk's earlier file with the same header. */
  const [remembered, setRemembered] = useState(false);

  const busy = job.running !== null;
  useEffect(() => {
    if (!busy) {
      setShowProgress(false);
      return;
    }
    const timer = setTimeout(() => setShowProgress(true), PROGRESS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);

  /** A dry run with these choices; the answer (or the refusal) replaces what is on screen. */
  const check = async (roster: RosterFile, next: WizardOptions): Promise<ImportOutcome | null> => {
    setOptions(next);
    const outcome = await job.run('members.importPreview', importInput(roster, next));
    if (!outcome) return null;
    if (outcome.ok) {
      // The same header as a file mapped by hand before: map it the same way (once; the clerk may change it).
      const stored = Object.keys(next.mapping).length === 0 ? rememberedMapping(outcome.report.headerSignature) : null;
      if (stored && outcome.report.columns.some((c) => Object.hasOwn(stored, String(c.index)) && stored[String(c.index)] !== c.field)) {
        setRemembered(true);
        return check(roster, { ...next, mapping: stored });
      }
      setPreview(outcome.report);
      setSheets(outcome.report.sheets);
      setFailure(null);
    } else {
      setPreview(null);
      setFailure(outcome.error);
      const named = sheetsOfFailure(outcome.error);
      if (named) setSheets(named);
    }
    return outcome;
  };

  const chooseFile = async (picked: File) => {
    const roster = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
    setFile(roster);
    setResult(null);
    setSheets([]);
    setPreview(null);
    setRemembered(false);
    setStep(0);
    const outcome = await check(roster, DEFAULT_OPTIONS);
    // A sheet without a header row (a cover sheet, notes) is not the end: the next steps choose another.
    if (outcome && (outcome.ok || isNoHeaderFailure(outcome.error))) setStep(1);
  };

  const rerun = (change: Partial<WizardOptions>) => {
    if (file) void check(file, { ...options, ...change });
  };

  const mapColumn = (column: ImportReport['columns'][number], field: string | null) => {
    const mapping: Record<string, string | null> = { ...options.mapping, [String(column.index)]: field };
    // One column per field: the column that had it gives it up.
    if (field) for (const other of preview?.columns ?? []) if (other.index !== column.index && other.field === field) mapping[String(other.index)] = null;
    if (preview) rememberMapping(preview.headerSignature, mapping);
    rerun({ mapping });
  };

  const download = (bytes: Uint8Array | undefined) => {
    if (!bytes || !file) return;
    saveBytes(bytes, rejectedFileName(file.name, t('importMembers.dryRun.downloadSuffix')));
  };

  const commit = () => {
    if (!file || !preview) return;
    const skipped = preview.duplicates.filter((d) => d.action === 'skipped').length;
    modal.confirm({
      title: t('importMembers.dryRun.confirmTitle'),
      icon: <ImportOutlined className="import-confirm-icon" />,
      width: 480,
      content: (
        <div className="import-confirm">
          <p className="strong">
            {t('importMembers.dryRun.confirmCreated', { count: preview.created })}
            {preview.updated > 0 && t('importMembers.dryRun.confirmUpdated', { count: preview.updated })}
            {preview.createdBranches.length > 0 && t('importMembers.dryRun.confirmBranches', { count: preview.createdBranches.length })}
            {t('importMembers.dryRun.confirmEnd')}
          </p>
          {(preview.rejected.length > 0 || skipped > 0) && (
            <p>{t('importMembers.dryRun.confirmLeft', { rejected: rejectedRowCount(preview), skipped })}</p>
          )}
          {preview.awaitingMapping > 0 && <p>{t('importMembers.dryRun.confirmAwaiting', { count: preview.awaitingMapping })}</p>}
          <p className="muted">{t('importMembers.dryRun.confirmAtomic')}</p>
        </div>
      ),
      okText: t('importMembers.dryRun.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const outcome = await job.run('members.importCommit', importInput(file, options));
        if (!outcome) return;
        if (!outcome.ok) {
          report(outcome.error);
          return;
        }
        setResult(outcome.report);
        setStep(4);
        void message.success(t('importMembers.done.success', { created: outcome.report.created }));
      },
    });
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    setFailure(null);
    setSheets([]);
    setResult(null);
    setOptions(DEFAULT_OPTIONS);
    setRemembered(false);
    setStep(0);
  };

  const failureMessage = failure ? failureText(failure, lang) : null;
  const percent = job.progress && job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  const canMap = preview !== null || isNoHeaderFailure(failure);
  const mappingReady = preview !== null && missingRequired(preview).length === 0;

  const stepTitles = [
    t('importMembers.steps.file'),
    t('importMembers.steps.sheet'),
    t('importMembers.steps.mapping'),
    t('importMembers.steps.dryRun'),
    t('importMembers.steps.done'),
  ];

  let body: React.ReactNode = null;
  let footer: React.ReactNode = null;
  const back = (to: Step) => (
    <Button icon={<ArrowLeftOutlined />} disabled={busy} onClick={() => setStep(to)}>
      {t('importMembers.back')}
    </Button>
  );
  const next = (to: Step, enabled: boolean) => (
    <Button type="primary" disabled={busy || !enabled} onClick={() => setStep(to)}>
      {t('importMembers.next')}
      <ArrowRightOutlined />
    </Button>
  );

  if (step === 0 || !file) {
    body = <FileStep fileName={file?.name ?? null} failure={step === 0 ? failureMessage : null} busy={busy} onFile={(picked) => void chooseFile(picked)} />;
    footer = preview && file ? <span className="import-footer-right">{next(1, true)}</span> : null;
  } else if (step === 1) {
    body = (
      <SheetStep
        file={file}
        sheets={sheets}
        sheet={options.sheet ?? preview?.sheet ?? sheets[0]}
        chosenByCore={options.sheet === undefined}
        remembered={remembered}
        preview={preview}
        failure={failureMessage}
        busy={busy}
        onSheet={(sheet) => rerun({ sheet, headerRow: undefined, mapping: {} })}
      />
    );
    footer = (
      <>
        <Button disabled={busy} onClick={startOver}>
          {t('importMembers.restart')}
        </Button>
        <span className="import-footer-right">{next(2, canMap)}</span>
      </>
    );
  } else if (step === 2) {
    body = (
      <MappingStep
        preview={preview}
        failure={failureMessage}
        headerRow={options.headerRow}
        busy={busy}
        onHeaderRow={(headerRow) => rerun({ headerRow, mapping: {} })}
        onMap={mapColumn}
      />
    );
    footer = (
      <>
        {back(1)}
        <span className="import-footer-right">{next(3, mappingReady)}</span>
      </>
    );
  } else if (step === 3) {
    body = preview ? (
      <DryRunStep preview={preview} options={options} busy={busy} onOptions={(change) => rerun(change)} onMapped={() => rerun({})} />
    ) : (
      failureMessage && <Alert className="import-alert" type="error" showIcon title={failureMessage} />
    );
    footer = (
      <>
        {back(2)}
        <span className="import-footer-right">
          <Space>
            {preview?.rejectedWorkbook && (
              <Button icon={<DownloadOutlined />} disabled={busy} onClick={() => download(preview.rejectedWorkbook)}>
                {t('importMembers.dryRun.download')}
              </Button>
            )}
            <Button type="primary" icon={<ImportOutlined />} disabled={busy || !preview || preview.accepted === 0} onClick={commit}>
              {preview && preview.accepted > 0
                ? t('importMembers.dryRun.commit', { count: preview.accepted, formatted: formatNumber(preview.accepted, lang) })
                : t('importMembers.dryRun.nothingToImport')}
            </Button>
          </Space>
        </span>
      </>
    );
  } else if (result) {
    body = (
      <DoneStep
        result={result}
        fileName={file.name}
        onDownload={() => download(result.rejectedWorkbook)}
        onMembers={() => navigate('/members')}
        onAnother={startOver}
      />
    );
  }

  return (
    <div className="page import-page">
      <PageHeader title={t('importMembers.title')} description={t('importMembers.description')} />
      <Card className="panel import-card" styles={{ body: { padding: 0 } }}>
        <div className="import-steps-bar">
          <Steps
            size="small"
            current={step}
            status={step === 4 ? 'finish' : 'process'}
            items={stepTitles.map((title, index) => ({ title, disabled: step === 4 || index >= step || busy }))}
            onChange={(index) => {
              if (step < 4 && index < step && !busy) setStep(index as Step);
            }}
          />
        </div>
        {showProgress && (
          <div className="import-progress" role="status">
            <span className="import-progress-label">
              {job.running === 'members.importCommit' ? t('importMembers.progress.commit') : t('importMembers.progress.preview')}
              {job.progress && <span className="muted"> · {t('importMembers.progress.phase', { percent })}</span>}
            </span>
            <Progress percent={percent} status="active" size="small" showInfo={false} />
            <Button size="small" disabled={!job.progress} onClick={job.cancel}>
              {t('importMembers.progress.cancel')}
            </Button>
          </div>
        )}
        <div className={`import-body${busy ? ' is-busy' : ''}`}>{body}</div>
        {footer && <div className="import-footer">{footer}</div>}
      </Card>
    </div>
  );
}
