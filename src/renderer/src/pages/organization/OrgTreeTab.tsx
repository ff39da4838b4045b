// 党组织: the tree on the left (search, 显示已撤销, drag onto a new parent), the selected organization's
// details and actions on the right. Viewers see the same page without any action.
import { Alert, App, Card, Checkbox, Empty } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgNode } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentSession } from '../../app/session';
import { OrgTree } from '../../components/OrgTree';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { useReportError } from '../../lib/errors';
import { indexOrgs } from '../../lib/org-tree';
import { hasRole } from '../../lib/roles';
import { useCommunityScope } from '../../lib/scope';
import { OrgCloseModal } from './OrgCloseModal';
import { OrgDetails, type OrgActions } from './OrgDetails';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgMoveModal } from './OrgMoveModal';

export function OrgTreeTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const { user } = useCurrentSession();
  const canEdit = hasRole(user.role, 'clerk');
  const communityScope = useCommunityScope();
  const [includeClosed, setIncludeClosed] = useState(false);
  const tree = useApi('orgs.tree', { includeClosed }, [includeClosed]);
  const communities = useApi('communities.list');
  const grids = useApi('grids.list');
  const index = useMemo(() => (tree.data ? indexOrgs(tree.data) : null), [tree.data]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgNode | null>(null);
  const [closing, setClosing] = useState<OrgNode | null>(null);

  const selected = (index && selectedId !== null ? index.byId.get(selectedId) : undefined) ?? index?.roots[0] ?? null;

  const afterChange = async (focusId: number | null) => {
    await tree.reload();
    if (focusId !== null) setSelectedId(focusId);
  };

  const move = async (node: OrgNode, parent: OrgNode, position?: number) => {
    try {
      const moved = await api.call('orgs.move', { id: node.id, parentId: parent.id, ...(position !== undefined ? { position } : {}) });
      const done = parent.id === node.parentId ? t('org.moveForm.reordered', { name: moved.name }) : t('org.moveForm.moved', { name: moved.name, parent: parent.name });
      void message.success(done);
      await afterChange(moved.id);
    } catch (error) {
      report(error);
    }
  };

  // A new parent is confirmed first; a new place among the same siblings is done at once.
  const moveByDrag = (node: OrgNode, parent: OrgNode, position?: number) => {
    if (parent.id === node.parentId) {
      void move(node, parent, position);
      return;
    }
    modal.confirm({
      title: t('org.moveForm.confirm', { name: node.name, parent: parent.name }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => move(node, parent, position),
    });
  };

  // A user limited to one community sees the path down from the root but changes only its own organizations.
  const actions: OrgActions | null =
    canEdit && selected?.inScope !== false
      ? {
          onAddChild: (parent) => setFormTarget({ mode: 'create', parent }),
          onEdit: (org) => setFormTarget({ mode: 'edit', org }),
          onMove: setMoving,
          onClose: setClosing,
        }
      : null;

  return (
    <div className="org-layout">
      <Card className="panel org-tree-panel" styles={{ body: { padding: 12, height: '100%' } }}>
        <OrgTree
          index={index}
          error={tree.error}
          selectedId={selected?.id ?? null}
          onSelect={(node) => setSelectedId(node.id)}
          onMove={canEdit ? (node, parent, position) => (node.inScope && parent.inScope ? moveByDrag(node, parent, position) : undefined) : undefined}
          toolbar={
            <Checkbox checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} className="org-tree-closed-toggle">
              {t('orgTree.showClosed')}
            </Checkbox>
          }
        />
      </Card>
      <Card className="panel org-details-panel">
        {!canEdit && <ReadOnlyNotice role={user.role} />}
        {communityScope && selected && !selected.inScope && (
          <Alert className="read-only-notice" type="info" showIcon title={t('common.outsideScope', { name: selected.name, community: communityScope.name })} />
        )}
        {selected && index ? (
          <OrgDetails org={selected} index={index} actions={actions} onOfficersChanged={() => void tree.reload()} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noSelection')} />
        )}
      </Card>
      <OrgFormModal
        target={formTarget}
        communities={communities.data ?? []}
        grids={grids.data ?? []}
        onClose={() => setFormTarget(null)}
        onSaved={(org) => {
          setFormTarget(null);
          void afterChange(org.id);
        }}
      />
      <OrgMoveModal
        org={moving}
        index={index}
        onClose={() => setMoving(null)}
        onMoved={(org) => {
          setMoving(null);
          void afterChange(org.id);
        }}
      />
      <OrgCloseModal
        org={closing}
        onClose={() => setClosing(null)}
        onClosed={(org) => {
          setClosing(null);
          void afterChange(includeClosed ? org.id : org.parentId);
        }}
      />
    </div>
  );
}
