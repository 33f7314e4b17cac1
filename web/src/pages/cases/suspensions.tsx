import type { ReactNode } from 'react';
import type { components } from '../../api/schema';
import { SummaryCard, SummaryList, Tag } from '../../components';
import { formatDateTime } from '../../lib/format';

type CaseView = components['schemas']['CaseResponse'];
type Suspension = CaseView['suspensions'][number];

const GROUNDS: Record<string, string> = {
  risk_to_pupils: 'A risk to pupils',
  risk_to_evidence: 'A risk to the evidence',
  risk_to_investigation: 'A risk to the investigation',
};

const STATUS: Record<Suspension['status'], ReactNode> = {
  active: <Tag colour="yellow">Suspended</Tag>,
  ended: <Tag colour="grey">Ended</Tag>,
  lapsed: <Tag colour="red">Lapsed: not reviewed</Tag>,
};

const ENDED: Record<string, string> = { review: 'on review', outcome: 'with the outcome', lapsed: 'not reviewed by its review date' };

/**
 * Precautionary suspensions (process.md §1; docs/suspension.md), one card each, as the case view's
 * `suspensions` says them: active, ended (on review or with the outcome) or lapsed. Withheld
 * reasons (a reporter or witness of the case) say so. None: no section.
 */
export function Suspensions({
  view,
  section,
  text,
  withheld,
}: {
  view: CaseView;
  section: (children: ReactNode) => ReactNode;
  text: (value: string) => ReactNode;
  withheld: ReactNode;
}) {
  if (!view.suspensions.length) return null;
  return section(
    view.suspensions.map((s) => (
      <SummaryCard key={s.id} title={`Suspension on full pay: ${s.subjectName}`}>
        <SummaryList
          rows={[
            { key: 'Status', value: <span data-testid="suspension-status">{STATUS[s.status]}</span> },
            { key: 'Since', value: formatDateTime(s.startsAt) },
            { key: 'Why', value: s.grounds.map((g) => GROUNDS[g] ?? g).join(', ') },
            { key: 'Reasons', value: s.withheld || s.reasons === null ? withheld : text(s.reasons) },
            { key: 'Alternatives considered', value: s.withheld || s.alternativesConsidered === null ? withheld : text(s.alternativesConsidered) },
            ...(s.status === 'active' ? [{ key: 'Review by', value: formatDateTime(s.reviewBy) }] : []),
            ...(s.endedAt ? [{ key: 'Ended', value: `${formatDateTime(s.endedAt)}, ${ENDED[s.endReason ?? ''] ?? ''}` }] : []),
            ...s.reviews.map((r, i) => ({
              key: `Review ${i + 1}`,
              value: (
                <>
                  {formatDateTime(r.reviewedAt)}: {r.decision === 'continue' ? `continued, to be reviewed by ${formatDateTime(r.reviewBy ?? '')}` : 'ended'}
                  {r.reasons !== null && (
                    <>
                      {' — '}
                      {text(r.reasons)}
                    </>
                  )}
                </>
              ),
            })),
          ]}
        />
      </SummaryCard>
    )),
  );
}
