// One-pass checks for the account forms (first-run setup, add user), by the contract's own bounds
// (common/contract/auth.ts, admin.ts), so every problem shows at once and the host is asked once.
import { t } from '../../i18n/id';

/** A trimmed text between `min` and `max` characters; undefined when fine. */
export function checkText(value: string, label: string, min: number, max: number): string | undefined {
  const v = value.trim();
  if (v === '') return t.check.required(label);
  if (v.length < min) return t.check.min(label, min);
  if (v.length > max) return t.check.max(max, v.length);
  return undefined;
}

const USERNAME = /^[a-z0-9._-]{3,32}$/;

export function checkUsername(value: string, label: string): string | undefined {
  if (value.trim() === '') return t.check.required(label);
  return USERNAME.test(value.trim()) ? undefined : t.check.username;
}

export function checkPassword(value: string, label: string): string | undefined {
  if (value === '') return t.check.required(label);
  if (value.length < 8) return t.setup.passwordShort;
  if (value.length > 200) return t.check.max(200, value.length);
  return undefined;
}

/** Drops the fields without a message. */
export function found<K extends string>(all: Record<K, string | undefined>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Partial<Record<K, string>>;
}

/** Focuses the first field, in `order`, that has a message (inputs are `f-<testId>`). */
export function focusFirst<K extends string>(errors: Partial<Record<K, string>>, order: readonly [K, string][]): void {
  const first = order.find(([k]) => errors[k]);
  if (first) document.getElementById(`f-${first[1]}`)?.focus();
}
