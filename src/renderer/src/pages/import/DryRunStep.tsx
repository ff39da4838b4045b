// 预检结果: what the import would do, row by row, before anything is written — the counts, the choices
// that change them (duplicates, missing branches) and the detail behind each count.
import { Alert, Checkbox, Radio, Select, Tabs } from 'antd';
import { useApi } from '../../api/use-api';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';
import type { WizardOptions } from './import-options';
import { rejectedRowCount } from './import-options';
import { ImportStats } from './ImportStats';
import { DuplicatesTable, IgnoredRows, RejectedTable } from './DryRunTables';
import { UnknownValuesTable, WarningsTable } from './UnknownValues';

export function DryRunStep({
  preview,
  options,
  busy,
  onOptions,
  onMapped,
}: {
  preview: ImportReport;
  options: WizardOptions;
  busy: boolean;
  onOptions: (change: Partial<Pick<WizardOptions, 'onDuplicate' | 'createMissingBranches' | 'communityId'>>) => void;
  /** Unknown values were mapped: check again. */
  onMapped: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rejectedRows = rejectedRowCount(preview);
  const separator = i18n.language === 'en' ? ', ' : '、';
  const communities = useApi('communities.list', {});

  return (
    <div className="import-dry-run">
      <ImportStats
        stats={[
          { key: 'rows', label: t('importMembers.dryRun.rowsLabel'), value: preview.rows, unit: t('importMembers.dryRun.unitRows'), tone: 'neutral' },
          { key: 'accepted', label: t('importMembers.dryRun.accepted'), value: preview.accepted, unit: t('importMembers.dryRun.unitRows'), tone: 'good' },
          { key: 'rejected', label: t('importMembers.dryRun.rejected'), value: rejectedRows, unit: t('importMembers.dryRun.unitRows'), tone: 'bad' },
          ...(preview.awaitingMapping > 0
            ? [{ key: 'awaiting', label: t('importMembers.dryRun.awaiting'), value: preview.awaitingMapping, unit: t('importMembers.dryRun.unitRows'), tone: 'warn' as const }]
            : []),
          { key: 'duplicates', label: t('importMembers.dryRun.duplicates'), value: preview.duplicates.length, unit: t('importMembers.dryRun.unitRows'), tone: 'warn' },
          { key: 'ignored', label: t('importMembers.dryRun.ignored'), value: preview.ignored.length, unit: t('importMembers.dryRun.unitRows'), tone: 'muted' },
        ]}
      />
      <div className="import-options">
        {(communities.data?.length ?? 0) > 1 && (
          <div className="import-option">
            <span className="import-option-label">{t('importMembers.dryRun.community')}</span>
            <Select<number | 'file'>
              aria-label={t('importMembers.dryRun.community')}
              showSearch
              optionFilterProp="label"
              value={options.communityId ?? 'file'}
              disabled={busy}
              style={{ width: 220 }}
              options={[
                { value: 'file', label: t('importMembers.dryRun.communityFromFile') },
                ...(communities.data ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              onChange={(value) => onOptions({ communityId: value === 'file' ? undefined : value })}
            />
            <span className="muted import-option-note">{t('importMembers.dryRun.communityNote')}</span>
          </div>
        )}
        <div className="import-option">
          <span className="import-option-label">{t('importMembers.dryRun.onDuplicate')}</span>
          <Radio.Group
            value={options.onDuplicate}
            disabled={busy}
            onChange={(e) => onOptions({ onDuplicate: e.target.value as WizardOptions['onDuplicate'], createMissingBranches: options.createMissingBranches })}
            options={[
              { value: 'skip', label: t('importMembers.dryRun.skip') },
              { value: 'update', label: t('importMembers.dryRun.update') },
            ]}
          />
          <span className="muted import-option-note">{t('importMembers.dryRun.updateNote')}</span>
        </div>
        <div className="import-option">
          <Checkbox
            checked={options.createMissingBranches}
            disabled={busy}
            onChange={(e) => onOptions({ onDuplicate: options.onDuplicate, createMissingBranches: e.target.checked })}
          >
            {t('importMembers.dryRun.createBranches')}
          </Checkbox>
          <span className="muted import-option-note">{t('importMembers.dryRun.createBranchesNote')}</span>
        </div>
      </div>
      {preview.createdBranches.length > 0 && (
        <Alert
          className="import-alert"
          type="info"
          showIcon
          title={t('importMembers.dryRun.willCreate', { count: preview.createdBranches.length, names: preview.createdBranches.join(separator) })}
        />
      )}
      <Tabs
        className="import-detail-tabs"
        defaultActiveKey={
          preview.unknownValues.length > 0 ? 'unknown' : rejectedRows > 0 ? 'rejected' : preview.duplicates.length > 0 ? 'duplicates' : preview.warnings.length > 0 ? 'warnings' : 'rejected'
        }
        items={[
          ...(preview.unknownValues.length > 0
            ? [
                {
                  key: 'unknown',
                  label: `${t('importMembers.dryRun.tabUnknown')} (${preview.unknownValues.length})`,
                  children: <UnknownValuesTable unknown={preview.unknownValues} busy={busy} onSaved={onMapped} />,
                },
              ]
            : []),
          {
            key: 'rejected',
            label: `${t('importMembers.dryRun.tabRejected')} (${preview.rejected.length})`,
            children: <RejectedTable rejected={preview.rejected} />,
          },
          {
            key: 'duplicates',
            label: `${t('importMembers.dryRun.tabDuplicates')} (${preview.duplicates.length})`,
            children: <DuplicatesTable duplicates={preview.duplicates} />,
          },
          {
            key: 'warnings',
            label: `${t('importMembers.dryRun.tabWarnings')} (${preview.warnings.length})`,
            children: <WarningsTable warnings={preview.warnings} />,
          },
          {
            key: 'ignored',
            label: `${t('importMembers.dryRun.tabIgnored')} (${preview.ignored.length})`,
            children: <IgnoredRows rows={preview.ignored} />,
          },
        ]}
      />
    </div>
  );
}
