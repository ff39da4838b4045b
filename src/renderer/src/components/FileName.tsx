// A file name that breaks only between its parts (after "_", "-" or "."), never inside a word or a place
// name: 110101001000_朝阳门街道_2026-11_v1.zip in a narrow card.
import { Fragment } from 'react';

export function FileName({ name }: { name: string }) {
  const parts = name.split(/(?<=[_.])/);
  return (
    <span className="file-name">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
