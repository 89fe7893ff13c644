// Families for the membership tests: NIKs in Gambir (Jakarta Pusat), whose serials pick the BPJS
// simulator's scenarios (scripts/fake-bpjs.mjs).
import type { CallInput } from '../../common/contract/index';

export const FAMILY_KK = '3171012001150003';
/** A woman born 1 January 1990 in Gambir, with the given serial. */
export const nikWith = (serial: string, day = '41'): string => `317101${day}0190${serial}`;

type Member = CallInput<'cases.family.save'>['members'][number];
export const member = (serial: string, name: string, relation: Member['relation'], hasCard = false, day = '41'): Member => ({
  nik: nikWith(serial, day), name, sex: null, birthDate: '', relation, hasCard,
});

/** Five members, five outcomes: E-ID, nothing to fix, transfer form, new participant, Disdukcapil. */
export const FIVE_OUTCOMES: Member[] = [
  member('0001', 'Siti Aminah', 'istri'),
  member('0003', 'Budi Santoso', 'kepala', true, '01'),
  member('0004', 'Rina Santoso', 'anak'),
  member('0006', 'Dewi Santoso', 'anak'),
  member('0007', 'Agus Santoso', 'anak', false, '02'),
];
