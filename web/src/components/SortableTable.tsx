import { useState } from 'react';
import { headerClass, TableBody, type Column } from './Table';

export interface SortableColumn<T> extends Column<T> {
  /** what the column sorts by; columns without one are not sortable */
  sortValue?: (row: T) => string | number;
}

type Direction = 'ascending' | 'descending';

const svg = (paths: string[]) => (
  <svg width="22" height="22" focusable="false" aria-hidden="true" role="img" viewBox="0 0 22 22" fill="none" xmlns="http://www.w3.org/2000/svg">
    {paths.map((d) => (
      <path key={d} d={d} fill="currentColor" />
    ))}
  </svg>
);
const ARROWS = {
  ascending: svg(['M6.5625 15.5L11 6.63125L15.4375 15.5H6.5625Z']),
  descending: svg(['M15.4375 7L11 15.8687L6.5625 7L15.4375 7Z']),
  none: svg(['M8.1875 9.5L10.9609 3.95703L13.7344 9.5H8.1875Z', 'M13.7344 12.0781L10.9609 17.6211L8.1875 12.0781H13.7344Z']),
};

/**
 * MOJ sortable table: a GOV.UK table whose sortable column headers are buttons (aria-sort on the
 * header); it sorts the rows it was given, in the browser. A status line says what it sorted by.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: SortableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: { column: number; direction: Direction };
}) {
  const [sort, setSort] = useState(initialSort);
  const [status, setStatus] = useState('');
  const sorted = [...rows];
  const by = sort && columns[sort.column]?.sortValue;
  if (sort && by) {
    sorted.sort((a, b) => {
      const [x, y] = [by(a), by(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
      return sort.direction === 'ascending' ? order : -order;
    });
  }
  const choose = (column: number) => {
    const direction: Direction = sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ column, direction });
    setStatus(`Sort by ${columns[column].header} (${direction})`);
  };
  return (
    <>
      <table className="govuk-table" data-module="moj-sortable-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {caption}
          <span className="govuk-visually-hidden"> (column headers with buttons are sortable).</span>
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, i) => {
              const direction = sort?.column === i ? sort.direction : 'none';
              return (
                <th key={column.header} scope="col" className={headerClass(column)} aria-sort={column.sortValue ? direction : undefined}>
                  {column.sortValue ? (
                    <button type="button" data-index={i} onClick={() => choose(i)}>
                      {column.header}
                      {ARROWS[direction]}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <TableBody columns={columns} rows={sorted} rowKey={rowKey} />
      </table>
      <div aria-atomic="true" aria-live="polite" className="govuk-visually-hidden" role="status">
        {status}
      </div>
    </>
  );
}
