// 移动到…: picks the new parent in a tree where only the organizations able to hold this level can be chosen.
import { App, Form, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OrgNode } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';
import { canMoveUnder, pathTo, type OrgIndex } from '../../lib/org-tree';

interface ParentOption {
  value: number;
  title: string;
  disabled: boolean;
  children?: ParentOption[];
}

const FIELDS = ['parentId'] as const;

export function OrgMoveModal({
  org,
  index,
  onClose,
  onMoved,
}: {
  org: OrgNode | null;
  index: OrgIndex | null;
  onClose: () => void;
  onMoved: (org: OrgNode, parent: OrgNode) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ parentId: number | null }>();
  const [saving, setSaving] = useState(false);

  const options = useMemo(() => {
    if (!org || !index) return [];
    // The organization's own subtree cannot be a parent, so it is left out rather than shown disabled.
    const build = (nodes: readonly OrgNode[]): ParentOption[] =>
      nodes
        .filter((n) => n.closedOn === null && n.id !== org.id)
        .map((n) => {
          const kids = build(index.children.get(n.id) ?? []);
          return { value: n.id, title: n.name, disabled: !canMoveUnder(index, org, n), children: kids.length ? kids : undefined };
        });
    return build(index.roots);
  }, [org, index]);

  const defaultExpanded = useMemo(() => (org && index ? pathTo(index, org.id).slice(0, -1).map((n) => n.id) : []), [org, index]);

  useEffect(() => {
    if (org) form.setFieldsValue({ parentId: null });
  }, [org, form]);

  const submit = async () => {
    if (!org || !index) return;
    const parentId = form.getFieldValue('parentId') as number | null;
    const parent = parentId === null ? undefined : index.byId.get(parentId);
    if (!parent) {
      form.setFields([{ name: 'parentId', errors: [t('org.moveForm.targetPlaceholder')] }]);
      return;
    }
    const input = { id: org.id, parentId: parent.id };
    const moved = await submitChecked({ form, schema: contract['orgs.move'].input, input, fields: FIELDS, report, setSaving, call: () => api.call('orgs.move', input) });
    if (!moved) return;
    void message.success(t('org.moveForm.moved', { name: moved.name, parent: parent.name }));
    onMoved(moved, parent);
  };

  return (
    <FormModal
      open={org !== null}
      title={org ? t('org.moveForm.title', { name: org.name }) : null}
      saving={saving}
      width={560}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} className="modal-form" requiredMark={false}>
        <Form.Item
          name="parentId"
          label={t('org.moveForm.target')}
          extra={org ? t('org.moveForm.targetHelp', { level: t(`orgLevels.${org.level}`) }) : null}
        >
          <TreeSelect<number>
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('org.moveForm.targetPlaceholder')}
            treeData={options}
            treeDefaultExpandedKeys={defaultExpanded}
            treeLine
            listHeight={360}
            popupMatchSelectWidth
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </FormModal>
  );
}
