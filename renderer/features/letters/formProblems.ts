// Admin → Surat forms check everything before sending (the same checks the host runs again, from
// common/contract/letters.ts) and show every wrong field at once: each field its own message, and
// one alert naming them all.
import type { AppError } from '../../../common/contract/index';
import type { FieldProblems } from '../../../common/contract/letters';
import { t } from '../../i18n/id';

/** The form's error for these problems (null when there are none), labels by field path. */
export function problemsError(problems: FieldProblems, labels: Record<string, string>): AppError | null {
  const keys = Object.keys(problems);
  if (!keys.length) return null;
  return { code: 'VALIDATION', message: t.lettersAdmin.problems(keys.map((k) => labels[k] ?? k)), fields: problems };
}

/** A chosen image file as a data URL (the host checks type and size again). */
export const readImage = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
