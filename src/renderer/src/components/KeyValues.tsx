// A compact label/value list (antd Descriptions in one column) for the cards of a page.
import { Descriptions } from 'antd';
import type { ReactNode } from 'react';

export interface KeyValue {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

export function KeyValues({ rows, labelWidth = 128 }: { rows: KeyValue[]; labelWidth?: number }) {
  return (
    <Descriptions
      column={1}
      size="small"
      className="kv"
      styles={{ label: { width: labelWidth } }}
      items={rows.map((row) => ({ key: row.key, label: row.label, children: row.value }))}
    />
  );
}
