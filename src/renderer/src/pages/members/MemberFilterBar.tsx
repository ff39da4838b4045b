// The quick filters above the members grid: search (name, pinyin initials, ID number or phone), community,
// grid, full/probationary, occupation group, and the yes/no toggles 流动, 失联, 困难, 在职报到, 志愿者. The
// overview's charts open the page on an age band, an education or a join year: those show as removable chips.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityInfo, GridInfo } from '../../../../shared/api/contract';
import type { AgeBand } from '../../../../shared/api/schemas';

export const OCCUPATION_GROUPS = ['0', '1', '2', '3', '4', '5'] as const;
export type OccupationGroup = (typeof OCCUPATION_GROUPS)[number];

export const MEMBER_TOGGLES = ['mobile', 'lostContact', 'hardship', 'inServiceRegistered', 'volunteer'] as const;
export type MemberToggle = (typeof MEMBER_TOGGLES)[number];

export interface QuickFilters {
  communityId?: number;
  gridId?: number;
  category?: 'full' | 'probationary';
  occupationGroup?: OccupationGroup;
  mobile?: boolean;
  lostContact?: boolean;
  hardship?: boolean;
  inServiceRegistered?: boolean;
  volunteer?: boolean;
  ageBand?: AgeBand;
  /** An education code; null: none recorded. */
  education?: string | null;
  joinYear?: number;
}

/** The filters only a link sets (no control of their own): each is a chip the clerk can remove. */
const CHIP_FILTERS = ['ageBand', 'education', 'joinYear'] as const;

export function hasQuickFilters(filters: QuickFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

export function MemberFilterBar({
  search,
  onSearch,
  filters,
  onFilters,
  communities,
  grids,
  fixedCommunityId,
  extra,
  educationLabel,
}: {
  search: string;
  onSearch: (text: string) => void;
  filters: QuickFilters;
  onFilters: (next: QuickFilters) => void;
  communities: readonly CommunityInfo[] | undefined;
  grids: readonly GridInfo[] | undefined;
  /** A user limited to one community: the community filter shows it and cannot be changed (the core limits the rows). */
  fixedCommunityId?: number;
  /** Shown at the right end (the column chooser). */
  extra?: ReactNode;
  /** The name of an education code (the code table); the code itself until the table has loaded. */
  educationLabel?: (code: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<QuickFilters>) => onFilters({ ...filters, ...patch });
  const communityId = fixedCommunityId ?? filters.communityId;
  const gridOptions = (grids ?? []).filter((g) => g.communityId === communityId).map((g) => ({ value: g.id, label: g.name }));
  const active = search.trim() !== '' || hasQuickFilters(filters);
  const chipValue = (key: (typeof CHIP_FILTERS)[number]): string => {
    if (key === 'ageBand') return t(`home.ageBand.${filters.ageBand}`);
    if (key === 'education') return filters.education === null ? t('home.noEducation') : (educationLabel?.(filters.education!) ?? filters.education!);
    return String(filters.joinYear);
  };

  return (
    <div className="members-filter-bar">
      <Input
        allowClear
        className="members-search"
        prefix={<SearchOutlined className="muted" />}
        placeholder={t('members.searchPlaceholder')}
        aria-label={t('members.searchPlaceholder')}
        value={search}
        maxLength={40}
        onChange={(e) => onSearch(e.target.value)}
      />
      <Select<number>
        className="members-filter-select"
        allowClear={fixedCommunityId === undefined}
        disabled={fixedCommunityId !== undefined}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('members.community')}
        placeholder={t('members.anyCommunity')}
        value={communityId}
        loading={!communities}
        options={(communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(communityId) => set({ communityId: communityId ?? undefined, gridId: undefined })}
        popupMatchSelectWidth={200}
      />
      <Select<number>
        className="members-filter-select narrow"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('members.grid')}
        placeholder={t('members.anyGrid')}
        disabled={communityId === undefined}
        value={filters.gridId}
        options={gridOptions}
        onChange={(gridId) => set({ gridId: gridId ?? undefined })}
      />
      <Select<'full' | 'probationary'>
        className="members-filter-select"
        allowClear
        aria-label={t('members.categoryFilter')}
        placeholder={t('members.anyCategory')}
        value={filters.category}
        options={[
          { value: 'full', label: t('members.category.full') },
          { value: 'probationary', label: t('members.category.probationary') },
        ]}
        onChange={(category) => set({ category: category ?? undefined })}
        popupMatchSelectWidth={false}
      />
      <Select<OccupationGroup>
        className="members-filter-select wide"
        allowClear
        aria-label={t('members.occupationGroup')}
        placeholder={t('members.anyOccupation')}
        value={filters.occupationGroup}
        options={OCCUPATION_GROUPS.map((g) => ({ value: g, label: t(`occupationGroups.${g}`) }))}
        onChange={(occupationGroup) => set({ occupationGroup: occupationGroup ?? undefined })}
        popupMatchSelectWidth={false}
      />
      <div className="members-toggles" role="group">
        {MEMBER_TOGGLES.map((key) => {
          const on = filters[key] === true;
          return (
            <Button
              key={key}
              size="small"
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => set({ [key]: on ? undefined : true })}
            >
              {t(`members.toggles.${key}`)}
            </Button>
          );
        })}
      </div>
      {CHIP_FILTERS.filter((key) => filters[key] !== undefined).map((key) => {
        const label = t(`members.chips.${key}`, { value: chipValue(key) });
        return (
          <Tag key={key} className="members-filter-chip" color="processing" closable closeIcon={<span aria-label={t('members.chips.remove', { label })}>×</span>} onClose={() => set({ [key]: undefined })}>
            {label}
          </Tag>
        );
      })}
      {active && (
        <Button
          type="link"
          size="small"
          onClick={() => {
            onSearch('');
            onFilters({});
          }}
        >
          {t('members.clearFilters')}
        </Button>
      )}
      <div className="members-filter-spacer" />
      {extra}
    </div>
  );
}
