// Opens a document's print preview from any page (the preview's own code loads only then).
import { PrinterOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import type { PrintDoc } from '../../../shared/api/contract-print';
import { navigate } from '../app/router';
import { printHref } from './print-location';

export function PrintButton({ doc, params, label, ...button }: { doc: PrintDoc; params: Record<string, string | number | undefined>; label: string } & Omit<ButtonProps, 'onClick'>) {
  return (
    <Button icon={<PrinterOutlined />} {...button} onClick={() => navigate(printHref(doc, params))}>
      {label}
    </Button>
  );
}
