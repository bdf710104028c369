/**
 * One choice among a few, as large buttons in a row that wraps (a radio group: the chosen one
 * is `aria-checked`), with its label above — rather than a select's small popup list.
 */
export default function Choices<V>({ id, label, options, value, onChange }: {
  id: string;
  label: string;
  options: { value: V; label: string }[];
  value: V;
  onChange: (v: V) => void;
}) {
  return (
    <>
      <div id={id}>{label}</div>
      <div className="m-choices" role="radiogroup" aria-labelledby={id}>
        {options.map((o) => (
          <button key={String(o.value)} type="button" role="radio" className="m-choice" aria-checked={value === o.value}
            onClick={() => onChange(o.value)}>{o.label}</button>
        ))}
      </div>
    </>
  );
}
