import { Fragment } from 'react';

/**
 * A SHA-256 hash in full, in a monospace font, that may wrap between groups of 16 characters on a
 * narrow screen or in a table cell (<wbr>: copying it still gives the 64 characters unbroken).
 */
export function Hash({ value, className }: { value: string; className?: string }) {
  return (
    <code className={className}>
      {(value.match(/.{1,16}/g) ?? [value]).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
