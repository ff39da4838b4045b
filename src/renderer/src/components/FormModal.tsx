// A dialog holding one form: 保存 / 取消 buttons, Enter submits, Esc closes, nothing kept after closing.
import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FormModal({
  open,
  title,
  saving,
  width = 480,
  okText,
  danger = false,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  saving: boolean;
  width?: number;
  /** The confirming button's text when it is not 保存 (e.g. 撤销). */
  okText?: ReactNode;
  /** The confirming button does something that cannot simply be undone. */
  danger?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  /** The antd Form; give it `onFinish={onSubmit}` and a hidden submit button so Enter works. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onSubmit}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}
