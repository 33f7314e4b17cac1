import type { components } from '../../api/schema';
import { Link } from '../../components/Link';
import { Table } from '../../components/Table';
import { Tag } from '../../components/Tag';
import { formatDateTime, ROLE_NAMES, STATUS_NAMES } from '../../lib/format';
import { STATUS_COLOURS } from './words';

export type CaseListItem = components['schemas']['CaseListItem'];

/** The status of a case in a list, and its safeguarding flag. */
export function CaseStatusTags({ item }: { item: CaseListItem }) {
  return (
    <>
      <Tag colour={STATUS_COLOURS[item.status]}>{STATUS_NAMES[item.status] ?? item.status}</Tag>
      {item.safeguarding && (
        <>
          {' '}
          <Tag colour="red">Safeguarding</Tag>
        </>
      )}
    </>
  );
}

/**
 * Cases as the API lists them (GET /cases items: no case content — the reference, status,
 * safeguarding flag, and whose work the case is), each row linking to its case. The list's order is
 * the API's (newest first, keyset-paginated): the table does not re-sort it.
 */
export function CaseTable({
  caption,
  captionSize = 'm',
  items,
  compact = false,
}: {
  caption: string;
  captionSize?: 's' | 'm' | 'l';
  items: CaseListItem[];
  /** reference, status and date only (the landing page, narrow screens) */
  compact?: boolean;
}) {
  return (
    <Table<CaseListItem>
      caption={caption}
      captionSize={captionSize}
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        { header: 'Reference', cell: (c) => <Link href={`/cases/${c.id}`}>{c.reference}</Link> },
        { header: 'Status', cell: (c) => <CaseStatusTags item={c} /> },
        ...(compact
          ? []
          : [
              {
                header: 'Waiting for',
                cell: (c: CaseListItem) => (c.waitingFor ? (ROLE_NAMES[c.waitingFor] ?? c.waitingFor) : 'Nobody'),
              },
            ]),
        { header: 'Reported', cell: (c) => formatDateTime(c.createdAt) },
      ]}
    />
  );
}
