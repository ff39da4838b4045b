// The quick filters above the members grid: search (name, pinyin initials, ID number or phone), community,
// grid, full/probationary, occupation group, and the yes/no toggles 流动, 失联, 困难, 在职报到, 志愿者.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityInfo, GridInfo } from '../../../../shared/api/contract';

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
}

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
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<QuickFilters>) => onFilters({ ...filters, ...patch });
  const communityId = fixedCommunityId ?? filters.communityId;
  const gridOptions = (grids ?? []).filter((g) => g.communityId === communityId).map((g) => ({ value: g.id, label: g.name }));
  const active = search.trim() !== '' || hasQuickFilters(filters);

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
