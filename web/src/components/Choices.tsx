import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import { FormGroup } from './FormGroup';
import { Hint } from './Hint';
import { cx, describedBy } from './classes';

/** One radio or checkbox: its label and, beside it, a hint — for this service, the policy's own words for the choice. */
export interface ChoiceItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** revealed under the item when it is chosen (GOV.UK conditional reveal) */
  conditional?: ReactNode;
  disabled?: boolean;
}

export interface ChoicesProps {
  /** the first item's id is `id` itself, so the error summary can link to it; the others are `id-2`, `id-3`… */
  id: string;
  name?: string;
  legend: ReactNode;
  legendSize?: 'xl' | 'l' | 'm' | 's';
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  items: ChoiceItem[];
  small?: boolean;
  inline?: boolean;
}

/** The markup Radios and Checkboxes share (GOV.UK's is the same but for the prefix and input type). */
export function Choices({
  kind,
  id,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  items,
  small,
  inline,
  isChecked,
  onToggle,
}: ChoicesProps & { kind: 'radios' | 'checkboxes'; isChecked: (value: string) => boolean; onToggle: (value: string, checked: boolean) => void }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  return (
    <FormGroup error={Boolean(error)}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)}>
        {hint && <Hint id={hintId!}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId!}>{error}</ErrorMessage>}
        <div className={cx(`govuk-${kind}`, small && `govuk-${kind}--small`, inline && `govuk-${kind}--inline`)} data-module={`govuk-${kind}`}>
          {items.map((item, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const checked = isChecked(item.value);
            return (
              <div key={item.value}>
                <div className={`govuk-${kind}__item`}>
                  <input
                    className={`govuk-${kind}__input`}
                    id={itemId}
                    name={name ?? id}
                    type={type}
                    value={item.value}
                    checked={checked}
                    disabled={item.disabled}
                    onChange={(event) => onToggle(item.value, event.target.checked)}
                    aria-describedby={itemHintId}
                    // aria-controls only, as govuk-frontend 5+ does: aria-expanded is not allowed on radios or checkboxes (axe: aria-allowed-attr)
                    aria-controls={item.conditional ? `conditional-${itemId}` : undefined}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={itemId}>
                    {item.text}
                  </label>
                  {item.hint && (
                    <Hint id={itemHintId!} className={`govuk-${kind}__hint`}>
                      {item.hint}
                    </Hint>
                  )}
                </div>
                {item.conditional && (
                  <div className={cx(`govuk-${kind}__conditional`, !checked && `govuk-${kind}__conditional--hidden`)} id={`conditional-${itemId}`}>
                    {item.conditional}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
