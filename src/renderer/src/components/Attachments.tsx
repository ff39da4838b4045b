// 附件: the files kept beside a fund entry, a meeting or a disclosure — listed with their size and who added
// them, opened (saved to the PC as the file it was), added by choosing or dropping files, removed after a
// confirmation. Every call is the contract's, so a user limited to one community sees only its records' files.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo, AttachmentOwner } from '../../../shared/api/contract-attachments';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useReportError } from '../lib/errors';
import { formatBytes, formatDateTime } from '../lib/format';
import { useLanguage } from '../lib/use-language';

export function AttachmentList({ owner, ownerId, canEdit }: { owner: AttachmentOwner; ownerId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const report = useReportError();
  const { message } = App.useApp();
  const files = useApi('attachments.list', { owner, ownerId }, [owner, ownerId]);
  const [adding, setAdding] = useState(0);

  const open = async (file: AttachmentInfo) => {
    try {
      const got = await api.call('attachments.get', { id: file.id });
      const url = URL.createObjectURL(new Blob([got.bytes as Uint8Array<ArrayBuffer>]));
      const a = document.createElement('a');
      a.href = url;
      a.download = got.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      report(error);
    }
  };
  const add = async (file: File) => {
    setAdding((n) => n + 1);
    try {
      const added = await api.call('attachments.add', { owner, ownerId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      void message.success(t('attachments.added', { name: added.fileName }));
      await files.reload();
    } catch (error) {
      report(error);
    } finally {
      setAdding((n) => n - 1);
    }
  };
  const remove = async (file: AttachmentInfo) => {
    try {
      await api.call('attachments.remove', { id: file.id });
      await files.reload();
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="attachment-list">
      <List<AttachmentInfo>
        size="small"
        bordered
        loading={files.loading}
        dataSource={files.data ?? []}
        locale={{ emptyText: t('attachments.none') }}
        renderItem={(file) => (
          <List.Item
            actions={[
              <Button key="open" type="link" size="small" onClick={() => void open(file)}>
                {t('attachments.open')}
              </Button>,
              ...(canEdit
                ? [
                    <Popconfirm key="remove" title={t('attachments.removeConfirm', { name: file.fileName })} onConfirm={() => void remove(file)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('attachments.remove', { name: file.fileName })} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space>
              <PaperClipOutlined />
              <Typography.Text>{file.fileName}</Typography.Text>
              <Typography.Text type="secondary">
                {formatBytes(file.size, lang)} · {file.addedBy} · {formatDateTime(file.addedAt, lang)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canEdit && (
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} loading={adding > 0} style={{ marginTop: 8 }}>
            {t('attachments.add')}
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** The list in a dialog of its own, for a row of a table. */
export function AttachmentsModal({ target, canEdit, onClose }: { target: { owner: AttachmentOwner; ownerId: number; title: string } | null; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={target !== null} title={target ? t('attachments.title', { title: target.title }) : ''} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden width={640}>
      {target && <AttachmentList owner={target.owner} ownerId={target.ownerId} canEdit={canEdit} />}
    </Modal>
  );
}
