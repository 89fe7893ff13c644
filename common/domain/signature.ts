// The signature block of an official letter (tata naskah dinas): who signs and in what capacity.
//  - the official himself:  KEPALA DINAS KESEHATAN …            / name / rank / NIP
//  - a.n. (atas nama):      a.n. KEPALA DINAS …  + the delegate's own title
//  - u.b. (untuk beliau):   a.n. KEPALA DINAS … / <title of the a.n. official> / u.b. / <delegate's title>
//  - Plt. / Plh.:           Plt. KEPALA DINAS …  (the acting official takes the title itself)
import { z } from 'zod';

export const DELEGATION_KINDS = ['an', 'ub', 'plt', 'plh'] as const;
export const DelegationKind = z.enum(DELEGATION_KINDS);
export type DelegationKind = z.infer<typeof DelegationKind>;

export const DELEGATION_LABELS: Record<DelegationKind, string> = {
  an: 'a.n. (atas nama)',
  ub: 'u.b. (untuk beliau, tingkat kedua)',
  plt: 'Plt. (pelaksana tugas)',
  plh: 'Plh. (pelaksana harian)',
};

export interface SignerFacts {
  name: string;
  /** The post, e.g. "Kepala Dinas Kesehatan Kabupaten Musi Banyuasin". */
  title: string;
  /** Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"; may be empty. */
  rank: string;
  nip: string;
}

export interface SignatureBlock {
  /** The capacity lines above the signature space, top to bottom. */
  heading: string[];
  name: string;
  rank: string;
  /** "NIP. 19670401 200003 2 006", or '' for an official without one. */
  nipLine: string;
  /** The form used, for the register: 'sendiri' or a delegation kind. */
  form: 'sendiri' | DelegationKind;
}

const upper = (s: string) => s.trim().toLocaleUpperCase('id-ID');
/** NIP is 18 digits, written in four groups: birth date, appointment month, sex, serial. */
export function formatNip(nip: string): string {
  const d = nip.replace(/\s/g, '');
  return /^\d{18}$/.test(d) ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}` : nip.trim();
}

export function signatureBlock(
  principal: SignerFacts,
  signer: SignerFacts,
  form: SignatureBlock['form'],
  /** For u.b.: the official in whose name (a.n.) the intermediate level signs. */
  via?: SignerFacts | null,
): SignatureBlock {
  const heading = (() => {
    switch (form) {
      case 'sendiri':
        return [upper(principal.title)];
      case 'an':
        return [`a.n. ${upper(principal.title)}`, upper(signer.title)];
      case 'ub':
        return [`a.n. ${upper(principal.title)}`, upper(via?.title ?? ''), 'u.b.', upper(signer.title)].filter((l) => l !== '');
      case 'plt':
        return [`Plt. ${upper(principal.title)}`];
      case 'plh':
        return [`Plh. ${upper(principal.title)}`];
    }
  })();
  return { heading, name: signer.name.trim(), rank: signer.rank.trim(), nipLine: signer.nip.trim() ? `NIP. ${formatNip(signer.nip)}` : '', form };
}

/** A delegation applies on an office day when the day lies in its period (both ends included). */
export function delegationApplies(d: { validFrom: string; validTo: string | null; revokedAt: string | null }, day: string): boolean {
  return d.revokedAt === null && d.validFrom <= day && (d.validTo === null || day <= d.validTo);
}
