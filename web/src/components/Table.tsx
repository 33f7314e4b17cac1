import type { ReactNode } from 'react';
import { cx } from './classes';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** GOV.UK table: a caption, a header row, one row per item (`rowKey` keeps React's rows stable). */
export function Table<T>({
  caption,
  captionSize = 'm',
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  captionSize?: 's' | 'm' | 'l';
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th key={column.header} scope="col" className={headerClass(column)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <TableBody columns={columns} rows={rows} rowKey={rowKey} />
    </table>
  );
}

/** A header cell's classes (numbers right-aligned). */
export const headerClass = (column: { numeric?: boolean }) => cx('govuk-table__header', column.numeric && 'govuk-table__header--numeric');

/** The rows of a GOV.UK table (Table's, and SortableTable's once sorted). */
export function TableBody<T>({ columns, rows, rowKey }: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string }) {
  return (
    <tbody className="govuk-table__body">
      {rows.map((row) => (
        <tr key={rowKey(row)} className="govuk-table__row">
          {columns.map((column) => (
            <td key={column.header} className={cx('govuk-table__cell', column.numeric && 'govuk-table__cell--numeric')}>
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
