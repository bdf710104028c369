import { ApiError } from './api';

/** A form that shows errors under its fields (antd's and antd-mobile's both do). */
interface FieldErrors {
  // Each kit types its fields by the form's values; any field list fits `never`.
  setFields: (fields: never) => void;
}

/**
 * "Required" for a select. antd marks a required field's control `aria-required`, which is
 * not allowed on the select's wrapper (axe: aria-allowed-attr); a validator rule asks the
 * same without the attribute.
 */
export function mustChoose(message: string) {
  return {
    validator: (_: unknown, v: unknown) => (v == null || v === '' ? Promise.reject(new Error(message)) : Promise.resolve()),
  };
}

/**
 * Show the API's error next to the field it is about: `fields` maps the kind of input the API
 * names (`extensions.field`: `slug`, `loginName` …) or else an error code to a field of this
 * form. Any other error is returned for the page to show as a message.
 */
export function showApiError(form: FieldErrors, e: unknown, fields: Record<string, string>): ApiError | null {
  const err = e instanceof ApiError ? e : new ApiError(String(e), 'INTERNAL');
  const field = (err.field && fields[err.field]) || fields[err.code];
  if (field) {
    form.setFields([{ name: field, errors: [err.message] }] as never);
    return null;
  }
  return err;
}

/** The API's rules, mirrored so a form says what is wrong before it is sent. */
export const rules = {
  /** Login names: 3–64 of letters, digits, '_', '.', '@', '-' (tenancy LoginName). */
  loginName: /^[A-Za-z0-9_.@-]{3,64}$/,
  /** Community slugs: 2–40 lower-case letters, digits and hyphens, a letter first (tenancy Slug). */
  slug: /^[a-z][a-z0-9-]{1,39}$/,
  /** District codes: 2–32 letters, digits, '_' or '-' (tenancy DistrictCode). */
  districtCode: /^[A-Za-z0-9_-]{2,32}$/,
  /** Mainland mobile numbers: 11 digits from 1 (spaces and hyphens allowed). */
  phone: /^1[0-9]{10}$/,
  passwordMin: 8,
};
