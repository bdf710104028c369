/**
 * "Required" for a select. antd marks a required field's control `aria-required`, which is
 * not allowed on the select's wrapper (axe: aria-allowed-attr); a validator rule asks the
 * same without the attribute.
 */
export function mustChoose(message) {
  return { validator: (_, v) => (v == null || v === '' ? Promise.reject(new Error(message)) : Promise.resolve()) };
}
