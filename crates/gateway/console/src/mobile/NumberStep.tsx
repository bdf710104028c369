import { useT } from '../lib/i18n';

/**
 * A number changed by two large buttons (no typing on a phone's small keys); the value is read
 * out as it changes.
 */
export default function NumberStep({ id, label, value, min, max, step = 1, onChange, unit = '' }: {
  id: string; label: string; value: number; min: number; max: number; step?: number; onChange: (v: number) => void; unit?: string;
}) {
  const t = useT();
  return (
    <div className="m-field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{label}</span>
      <div className="m-row">
        <button type="button" className="m-choice" aria-label={t(`${label}减少`, `Less: ${label}`)} disabled={value - step < min}
          onClick={() => onChange(Math.max(min, value - step))}>－</button>
        <output id={id} aria-live="polite" className="m-step-value">{value}{unit}</output>
        <button type="button" className="m-choice" aria-label={t(`${label}增加`, `More: ${label}`)} disabled={value + step > max}
          onClick={() => onChange(Math.min(max, value + step))}>＋</button>
      </div>
    </div>
  );
}
