// 社区与网格: the street's communities (code, households, population, space) on the left, the grids of the
// selected community on the right; clerks and administrators add and edit both.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityInfo, GridInfo } from '../../../../shared/api/contract';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { formatNumber } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { communityScope as communityScopeOf } from '../../lib/scope';
import { useLanguage } from '../../lib/use-language';
import { CommunityFormModal, type CommunityFormTarget } from './CommunityFormModal';
import { GridFormModal, type GridFormTarget } from './GridFormModal';
import { TablePanel } from './TablePanel';

export function PlacesTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  // A community added by a user limited to one would be out of their reach: they edit their own only.
  const communityScope = communityScopeOf(user);
  const communities = useApi('communities.list');
  const grids = useApi('grids.list');
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [communityForm, setCommunityForm] = useState<CommunityFormTarget | null>(null);
  const [gridForm, setGridForm] = useState<GridFormTarget | null>(null);

  const gridsByCommunity = useMemo(() => {
    const map = new Map<number, GridInfo[]>();
    for (const grid of grids.data ?? []) map.set(grid.communityId, [...(map.get(grid.communityId) ?? []), grid]);
    return map;
  }, [grids.data]);

  const shown = useMemo(() => {
    const text = query.trim();
    const all = communities.data ?? [];
    return text ? all.filter((c) => c.name.includes(text) || c.divisionCode.includes(text)) : all;
  }, [communities.data, query]);

  const selected = communities.data?.find((c) => c.id === selectedId) ?? shown[0] ?? null;
  const selectedGrids = selected ? (gridsByCommunity.get(selected.id) ?? []) : [];
  const number = (value: number | null) => (value === null ? <span className="muted">{t('common.empty')}</span> : formatNumber(value, lang));
  const closedTag = (closedOn: string | null) =>
    closedOn ? (
      <Tag variant="filled" className="inline-tag">
        {t('places.closed')}
      </Tag>
    ) : null;

  return (
    <div className="places-layout">
      {!canEdit && <ReadOnlyNotice role={user.role} />}
      <div className="places-columns">
        <TablePanel
          title={t('places.communities')}
          count={t('common.total', { total: communities.data?.length ?? 0 })}
          error={communities.error}
          actions={
            <>
              <Input
                allowClear
                size="small"
                className="places-search"
                prefix={<SearchOutlined className="muted" />}
                placeholder={t('places.searchPlaceholder')}
                aria-label={t('places.searchPlaceholder')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              {canEdit && !communityScope && (
                <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCommunityForm({ mode: 'create' })}>
                  {t('places.addCommunity')}
                </Button>
              )}
            </>
          }
        >
          {(bodyHeight) => (
            <Table<CommunityInfo>
              size="small"
              rowKey="id"
              loading={communities.loading && !communities.data}
              dataSource={shown}
              pagination={false}
              scroll={{ x: 712, y: bodyHeight }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.noCommunities')} /> }}
              rowClassName={(row) => (row.id === selected?.id ? 'row-selected' : '')}
              onRow={(row) => ({ onClick: () => setSelectedId(row.id) })}
              columns={[
                {
                  key: 'name',
                  title: t('places.name'),
                  dataIndex: 'name',
                  width: 112,
                  fixed: 'left' as const,
                  ellipsis: true,
                  render: (name: string, row) => (
                    <span>
                      {name}
                      {closedTag(row.closedOn)}
                    </span>
                  ),
                },
                { key: 'code', title: t('places.divisionCode'), dataIndex: 'divisionCode', width: 112, render: (v: string) => <span className="mono">{v}</span> },
                { key: 'households', title: t('places.households'), dataIndex: 'households', width: 92, align: 'right', render: number },
                { key: 'population', title: t('places.population'), dataIndex: 'population', width: 92, align: 'right', render: number },
                { key: 'officeArea', title: t('places.officeArea'), dataIndex: 'officeArea', width: 96, align: 'right', render: number },
                { key: 'activityArea', title: t('places.activityArea'), dataIndex: 'activityArea', width: 96, align: 'right', render: number },
                { key: 'grids', title: t('places.gridCount'), width: 56, align: 'right', render: (_: unknown, row) => gridsByCommunity.get(row.id)?.length ?? 0 },
                ...(canEdit
                  ? [
                      {
                        key: 'actions',
                        title: '',
                        width: 56,
                        render: (_: unknown, row: CommunityInfo) => (
                          <Button
                            type="link"
                            size="small"
                            onClick={(e) => {
                              e.stopPropagation();
                              setCommunityForm({ mode: 'edit', community: row });
                            }}
                          >
                            {t('common.edit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </TablePanel>
        <TablePanel
          title={selected ? t('places.gridsOf', { community: selected.name }) : t('places.grids')}
          count={selected ? t('common.total', { total: selectedGrids.length }) : undefined}
          error={grids.error}
          actions={
            canEdit &&
            selected && (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setGridForm({ mode: 'create', community: selected })}>
                {t('places.addGrid')}
              </Button>
            )
          }
        >
          {(bodyHeight) => (
            <Table<GridInfo>
              size="small"
              rowKey="id"
              loading={grids.loading && !grids.data}
              dataSource={selectedGrids}
              pagination={false}
              scroll={{ y: bodyHeight }}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={selected ? t('places.noGrids') : t('places.pickCommunity')} />,
              }}
              columns={[
                {
                  key: 'name',
                  title: t('places.name'),
                  dataIndex: 'name',
                  width: 110,
                  ellipsis: true,
                  render: (name: string, row) => (
                    <span>
                      {name}
                      {closedTag(row.closedOn)}
                    </span>
                  ),
                },
                { key: 'kind', title: t('places.gridKind'), dataIndex: 'kind', width: 64, render: (kind: GridInfo['kind']) => t(`gridKinds.${kind}`) },
                { key: 'coverage', title: t('places.coverageColumn'), dataIndex: 'coverage', ellipsis: true },
                ...(canEdit
                  ? [
                      {
                        key: 'actions',
                        title: '',
                        width: 56,
                        render: (_: unknown, row: GridInfo) => (
                          <Button type="link" size="small" onClick={() => setGridForm({ mode: 'edit', grid: row })}>
                            {t('common.edit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </TablePanel>
      </div>
      <CommunityFormModal
        target={communityForm}
        onClose={() => setCommunityForm(null)}
        onSaved={(saved) => {
          setCommunityForm(null);
          setSelectedId(saved.id);
          setQuery('');
          void communities.reload();
        }}
      />
      <GridFormModal
        target={gridForm}
        onClose={() => setGridForm(null)}
        onSaved={() => {
          setGridForm(null);
          void grids.reload();
        }}
      />
    </div>
  );
}
