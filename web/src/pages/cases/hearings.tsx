import { SummaryCard, SummaryList, Table, type SummaryRow } from '../../components';
import { formatDateTime } from '../../lib/format';
import { BASIS_NAMES, COMPANION_NAMES, hearingRows, KIND_WORDS, type Hearing } from '../hearings/common';
import { SANCTION_NAMES } from '../decisions/common';
import type { CaseView } from './words';

/** The chair's screens on a hearing not yet held: rearrange it, record it. */
function chairActions(view: CaseView, hearing: Hearing, me: string): { text: string; href: string }[] {
  if (!hearing.current || hearing.held || hearing.chairUserId !== me) return [];
  const actions = view.guidance?.actions ?? [];
  const base = KIND_WORDS[hearing.kind].base(view.id);
  const [arrange, record] = hearing.kind === 'disciplinary' ? ['arrange_hearing', 'record_hearing'] : ['arrange_appeal_hearing', 'record_appeal_hearing'];
  return [
    ...(actions.includes(arrange as never) ? [{ text: 'Rearrange', href: `${base}/rearrange` }] : []),
    ...(actions.includes(record as never) ? [{ text: 'Record', href: `${base}/record` }] : []),
  ];
}

/** The record once held (process.md §1), as the API shows it to this reader (null: withheld). */
function heldRows(held: NonNullable<Hearing['held']>): SummaryRow[] {
  const withheld = 'Not shown to you';
  return [
    { key: 'Held', value: formatDateTime(held.heldAt) },
    { key: 'The member of staff', value: held.subjectAttended ? 'Attended' : 'Did not attend: the decision is taken in their absence' },
    ...(held.absenceReason ? [{ key: 'Why in their absence', value: held.absenceReason }] : []),
    {
      key: 'Companion',
      value: held.companion
        ? `${held.companion.name}, ${COMPANION_NAMES[held.companion.category].replace(/^./, (c) => c.toLowerCase())}${held.companion.adjustmentReason ? `: ${held.companion.adjustmentReason}` : ''}`
        : 'None',
    },
    {
      key: 'Also present',
      value: held.attendees === null ? withheld : held.attendees.length ? held.attendees.map((a) => `${a.name} (${a.capacity})`).join('; ') : 'Nobody else',
    },
    { key: 'Notes', value: held.notes ?? withheld },
    ...(held.representations ? [{ key: 'Representations', value: held.representations }] : []),
  ];
}

/**
 * The hearings of a case (process.md §1; the case view's `hearings`): the current ones first,
 * each with its time, place, chair, whether the notice was given (or what it lacks, in the API's
 * words), the possible outcomes, its rearrangements and, once held, its record.
 */
export function Hearings({ view, me }: { view: CaseView; me: string }) {
  if (!view.hearings.length) return null;
  const evidenceNumber = new Map(view.evidence.map((item, i) => [item.id, i + 1]));
  const ordered = [...view.hearings].reverse().sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <section aria-labelledby="hearings" className="govuk-!-margin-top-8" data-testid="hearings">
      <h2 className="govuk-heading-m" id="hearings">
        Hearings
      </h2>
      {ordered.map((hearing) => (
        <SummaryCard
          key={hearing.id}
          title={`${KIND_WORDS[hearing.kind].title}${hearing.held ? ': held' : hearing.current ? '' : ': replaced by a later invitation'}`}
          actions={chairActions(view, hearing, me)}
        >
          <SummaryList
            rows={[
              ...hearingRows(hearing, me, evidenceNumber),
              ...(hearing.possibleOutcomes.length
                ? [{ key: 'Possible outcomes', value: hearing.possibleOutcomes.map((s) => SANCTION_NAMES[s]).join(', ') }]
                : []),
              ...(hearing.supersededAt ? [{ key: 'Replaced', value: formatDateTime(hearing.supersededAt) }] : []),
              ...(hearing.held ? heldRows(hearing.held) : []),
            ]}
          />
          {hearing.rearrangements.length > 0 && (
            <div data-testid="rearrangements">
              <Table
                caption="Rearranged"
                captionSize="s"
                rows={hearing.rearrangements}
                rowKey={(r) => r.id}
                columns={[
                  { header: 'From', cell: (r) => formatDateTime(r.previousScheduledFor) },
                  { header: 'To', cell: (r) => formatDateTime(r.scheduledFor) },
                  { header: 'Why', cell: (r) => `${BASIS_NAMES[r.basis]}${r.reason ? `: ${r.reason}` : ''}` },
                ]}
              />
            </div>
          )}
        </SummaryCard>
      ))}
    </section>
  );
}
