import { Choices, type ChoicesProps } from './Choices';

/** GOV.UK radios: one choice, each item with its hint (the policy's own words beside every choice). */
export function Radios({ value, onChange, ...props }: ChoicesProps & { value: string | undefined; onChange: (value: string) => void }) {
  return <Choices kind="radios" {...props} isChecked={(v) => v === value} onToggle={(v, checked) => checked && onChange(v)} />;
}
