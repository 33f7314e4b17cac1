import { Choices, type ChoicesProps } from './Choices';

/** GOV.UK checkboxes: any number of choices, each with its hint. */
export function Checkboxes({ values, onChange, ...props }: ChoicesProps & { values: string[]; onChange: (values: string[]) => void }) {
  return (
    <Choices
      kind="checkboxes"
      {...props}
      isChecked={(v) => values.includes(v)}
      // in the items' order, whatever order they were ticked in
      onToggle={(v, checked) => onChange(props.items.map((item) => item.value).filter((x) => (x === v ? checked : values.includes(x))))}
    />
  );
}
