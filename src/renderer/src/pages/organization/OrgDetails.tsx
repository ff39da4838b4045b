// The selected organization: where it sits, what it is, its committee and term, its members, and — for
// clerks and administrators — the actions 新建下级组织, 编辑, 移动到…, 撤销.
import { DeleteOutlined, DragOutlined, EditOutlined, FlagFilled, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { PrintButton } from '../../print/PrintButton';
import { useTranslation } from 'react-i18next';
import type { OrgNode } from '../../../../shared/api/contract';
import { KeyValues } from '../../components/KeyValues';
import { canCreateUnder, pathTo, type OrgIndex } from '../../lib/org-tree';
import { useLanguage } from '../../lib/use-language';
import { OrgOfficers } from './OrgOfficers';

export interface OrgActions {
  onAddChild: (org: OrgNode) => void;
  onEdit: (org: OrgNode) => void;
  onMove: (org: OrgNode) => void;
  onClose: (org: OrgNode) => void;
}

function Term({ org }: { org: OrgNode }) {
  const { t } = useTranslation();
  if (org.termStart && org.termEnd) return <span className="mono">{t('org.termRange', { start: org.termStart, end: org.termEnd })}</span>;
  if (org.termStart) return <span className="mono">{t('org.termOpen', { start: org.termStart })}</span>;
  if (org.termEnd) return <span className="mono">{t('org.termUntil', { end: org.termEnd })}</span>;
  return <span className="muted">{t('org.notSet')}</span>;
}

export function OrgDetails({
  org,
  index,
  actions,
  onOfficersChanged,
}: {
  org: OrgNode;
  index: OrgIndex;
  actions: OrgActions | null;
  /** The tree shows the secretary and the committee: it is read again after a change of officers. */
  onOfficersChanged: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const notSet = <span className="muted">{t('org.notSet')}</span>;
  const path = pathTo(index, org.id);
  const parent = path.length > 1 ? path[path.length - 2] : null;
  const subtree = index.subtree.get(org.id) ?? { total: 0, full: 0 };
  const children = index.children.get(org.id) ?? [];
  const closed = org.closedOn !== null;
  const isRoot = org.parentId === null;

  return (
    <div className="org-details">
      <div className="org-details-head">
        <div className="org-details-title-block">
          {parent && <div className="org-details-path">{path.slice(0, -1).map((n) => n.name).join(' / ')}</div>}
          <h2 className="org-details-title">
            {org.name}
            <Tag variant="filled" className="org-details-tag">
              {t(`orgLevels.${org.level}`)}
            </Tag>
            {closed && <Tag variant="filled">{t('orgTree.closed')}</Tag>}
          </h2>
        </div>
        {!closed && (
          <Space wrap className="org-details-actions">
            <PrintButton doc="roster" params={{ org: org.id }} label={t('print.roster.open')} />
            <PrintButton doc="board" params={{ kind: 'probationary', org: org.id }} label={t('print.board.open.probationary')} />
          </Space>
        )}
        {actions && !closed && (
          <Space wrap className="org-details-actions">
            {canCreateUnder(org) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.onAddChild(org)}>
                {t('org.addChild')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => actions.onEdit(org)}>
              {t('org.edit')}
            </Button>
            {!isRoot && (
              <Button icon={<DragOutlined />} onClick={() => actions.onMove(org)}>
                {t('org.move')}
              </Button>
            )}
            {!isRoot && (
              <Button danger icon={<DeleteOutlined />} onClick={() => actions.onClose(org)}>
                {t('org.close')}
              </Button>
            )}
          </Space>
        )}
      </div>

      {closed && <Alert className="org-details-alert" type="info" showIcon title={t('org.closedBanner', { date: org.closedOn })} />}
      {org.flags.length > 0 && (
        <div className="org-details-flags">
          {org.flags.map((flag) => (
            <div key={flag} className={`org-details-flag org-flag-${flag}`}>
              <FlagFilled className={`org-flag org-flag-${flag}`} /> {t(`orgFlags.${flag}`)}
            </div>
          ))}
        </div>
      )}

      <KeyValues
        labelWidth={lang === 'zh-CN' ? 112 : 168}
        rows={[
          ...(parent ? [{ key: 'parent', label: t('org.parent'), value: parent.name }] : []),
          { key: 'level', label: t('org.level'), value: t(`orgLevels.${org.level}`) },
          { key: 'category', label: t('org.category'), value: t(`orgCategories.${org.category}`) },
          { key: 'community', label: t('org.community'), value: org.communityName ?? notSet },
          { key: 'grid', label: t('org.grid'), value: org.gridName ?? notSet },
          { key: 'committee', label: t(`org.committeeOf.${org.level}`), value: org.hasCommittee ? t('org.committeeYes') : t('org.committeeNo') },
          { key: 'term', label: t('org.term'), value: <Term org={org} /> },
          { key: 'secretary', label: t('org.secretary'), value: org.secretary ?? notSet },
          {
            key: 'members',
            label: t('org.members'),
            value: (
              <div className="org-member-counts">
                <span>{t('org.membersOwn', { total: org.memberCount, full: org.fullMemberCount })}</span>
                {children.length > 0 && <span className="muted">{t('org.membersSubtree', { total: subtree.total, full: subtree.full })}</span>}
              </div>
            ),
          },
          { key: 'children', label: t('org.children'), value: t('org.childrenCount', { count: children.filter((c) => c.closedOn === null).length }) },
          ...(closed
            ? [
                { key: 'closedOn', label: t('org.closedOn'), value: <span className="mono">{org.closedOn}</span> },
                { key: 'closedReason', label: t('org.closedReason'), value: org.closedReason ?? notSet },
              ]
            : []),
        ]}
      />
      <OrgOfficers org={org} canEdit={actions !== null && !closed} onChanged={onOfficersChanged} />
    </div>
  );
}
