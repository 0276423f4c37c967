import type { FormInstance } from 'antd';
import { isApiError } from './api';

/**
 * Puts the server's field errors (`body.username`, `body.roles.0`) on the matching form fields;
 * `aliases` maps a body field to a differently named form field (`disabled` → `enabled`).
 * Returns true when at least one of the form's fields took an error, so the caller shows no banner.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[], aliases: Record<string, string> = {}): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const bodyName = f.path.replace(/^body\./, '').split('.')[0];
    const name = aliases[bodyName] ?? bodyName;
    if (!fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
