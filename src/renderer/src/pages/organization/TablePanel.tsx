// A card holding one table that fills the card's height: a title with a count and actions above it, and
// the space left for the table's rows handed to the table (antd scrolls its body within a pixel height).
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../lib/errors';
import { useElementSize } from '../../lib/use-element-size';

/** Height of a small table's header row, taken off the space its body may scroll in. */
const TABLE_HEAD = 40;
const MIN_BODY = 120;

export function TablePanel({
  title,
  count,
  actions,
  error,
  children,
}: {
  title: ReactNode;
  count?: ReactNode;
  actions?: ReactNode;
  /** A failed load, shown instead of the table. */
  error?: unknown;
  /** The table, given the height its body may scroll in. */
  children: (bodyHeight: number) => ReactNode;
}) {
  const [holderRef, size] = useElementSize<HTMLDivElement>();
  return (
    <Card className="panel places-panel" styles={{ body: { padding: 0, height: '100%' } }}>
      <div className="places-panel-inner">
        <div className="panel-toolbar">
          <span className="panel-toolbar-title">{title}</span>
          {count !== undefined && <span className="muted">{count}</span>}
          <div className="panel-toolbar-spacer" />
          {actions}
        </div>
        <div className="places-table-holder" ref={holderRef}>
          {error ? <div className="load-error">{errorText(error)}</div> : children(Math.max(size.height - TABLE_HEAD, MIN_BODY))}
        </div>
      </div>
    </Card>
  );
}
