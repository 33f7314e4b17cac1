import { ukInstant } from '../lib/uk-time';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import { FormGroup } from './FormGroup';
import { Hint } from './Hint';
import { cx, describedBy } from './classes';

/** What the person typed, as typed: the API decides whether it is a date (and says so, beside the field). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
  hour?: string;
  minute?: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };
export const EMPTY_DATE_TIME: DateParts = { ...EMPTY_DATE, hour: '', minute: '' };

const pad = (value: string) => value.trim().padStart(2, '0');

/**
 * The parts as the API takes them: "2026-11-20" (a date), or with a time, an ISO date-time in the
 * browser's time zone ("2026-11-20T18:30:00.000Z"). Not a date the calendar has: what was typed,
 * so the API's own message names the field ("observedAt must be a valid ISO 8601 date string").
 */
export function toApiDate(parts: DateParts, withTime = false): string {
  // A date alone is a whole UK day, which the API takes as a date; with a time, the UK wall clock's instant.
  if (withTime) return ukInstant(parts, { withTime: true });
  return `${parts.year.trim()}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * GOV.UK date input (day, month, year), and with `withTime` the hour and minute after it (GOV.UK
 * has no time component: two more number boxes in the same fieldset). The first box's id is `id`.
 */
export function DateInput({
  id,
  legend,
  legendSize = 's',
  isPageHeading,
  hint,
  error,
  value,
  onChange,
  withTime = false,
}: {
  id: string;
  legend: string;
  legendSize?: 'xl' | 'l' | 'm' | 's';
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  withTime?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const parts: { key: keyof DateParts; label: string; width: 2 | 4 }[] = [
    { key: 'day', label: 'Day', width: 2 },
    { key: 'month', label: 'Month', width: 2 },
    { key: 'year', label: 'Year', width: 4 },
    ...(withTime
      ? [
          { key: 'hour' as const, label: 'Hour', width: 2 as const },
          { key: 'minute' as const, label: 'Minute', width: 2 as const },
        ]
      : []),
  ];
  return (
    <FormGroup error={Boolean(error)}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)} role="group">
        {hint && <Hint id={hintId!}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId!}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={`${id}-group`}>
          {parts.map((part, i) => {
            const partId = i === 0 ? id : `${id}-${part.key}`;
            return (
              <div className="govuk-date-input__item" key={part.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {part.label}
                  </label>
                  <input
                    className={cx('govuk-input', 'govuk-date-input__input', `govuk-input--width-${part.width}`, error && 'govuk-input--error')}
                    id={partId}
                    name={`${id}-${part.key}`}
                    type="text"
                    inputMode="numeric"
                    value={value[part.key] ?? ''}
                    onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
