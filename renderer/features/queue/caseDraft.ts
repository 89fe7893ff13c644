// Unsaved case-form input, kept in this tab's sessionStorage per ticket, so an expired session
// (back to the login screen) or a page reload does not throw away what the resepsionis typed.
// sessionStorage dies with the tab; a deliberate logout clears every draft (shared desks). Fields are
// kept as typed (the birth date as dd-mm-yyyy).
import { formatDayMonthYear } from '../../../common/domain/caseCheck';

const PREFIX = 'loket.caseDraft.';

export type CaseDraftFields = Record<'nik' | 'name' | 'kk' | 'birthDate' | 'phone' | 'purpose', string>;
const KEYS: readonly (keyof CaseDraftFields)[] = ['nik', 'name', 'kk', 'birthDate', 'phone', 'purpose'];

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function loadCaseDraft(ticketId: string): CaseDraftFields | null {
  try {
    const raw = storage()?.getItem(PREFIX + ticketId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const fields = {} as CaseDraftFields;
    for (const k of KEYS) {
      const v = parsed[k];
      fields[k] = typeof v === 'string' ? v : '';
    }
    // Drafts kept before the birth date became one dd-mm-yyyy field held it as YYYY-MM-DD.
    fields.birthDate = formatDayMonthYear(fields.birthDate);
    return fields;
  } catch {
    return null;
  }
}

export function saveCaseDraft(ticketId: string, fields: CaseDraftFields): void {
  try {
    storage()?.setItem(PREFIX + ticketId, JSON.stringify(fields));
  } catch {
    // Quota or disabled storage: the form itself still holds the input.
  }
}

export function clearCaseDraft(ticketId: string): void {
  try {
    storage()?.removeItem(PREFIX + ticketId);
  } catch {
    // nothing to clear
  }
}

export function clearAllCaseDrafts(): void {
  const s = storage();
  if (!s) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i += 1) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    keys.forEach((k) => s.removeItem(k));
  } catch {
    // nothing to clear
  }
}
