// Indonesia's national holidays (hari libur nasional) and collective leave days (cuti bersama), as
// set each year by the joint decree (SKB) of the Minister of Religious Affairs, the Minister of
// Manpower and the Minister for Administrative and Bureaucratic Reform. Data only; the admin adds
// or removes dates in Admin → Hari libur (stored in the database, see main/features/followups).
//
// Sources (looked up November 2026):
// - 2025: SKB No. 1017/2024, No. 2/2024, No. 2/2024, signed 14 October 2024 (17 holidays, 10 cuti
//   bersama), as published by Kemenko PMK and reported by koran-jakarta.com, radarbandung.id and
//   okezone.com. Later additions by the government (e.g. any extra day around 17 August 2025) are
//   not in the SKB and must be added by the admin if the office observed them.
// - 2026: SKB No. 1497/2025, No. 2/2025, No. 5/2025, announced 19 September 2025 (17 holidays, 8 cuti
//   bersama), as reported by disdiksmg.semarangkota.go.id, tribunnews.com and mimbarjumat.com.
// - 2027: NO official list was found when this file was written (the SKB for 2027 could not be
//   located). No dates are invented: until a list is added here, the admin must enter 2027's
//   holidays in Admin → Hari libur. `OFFICIAL_YEARS` says which years are covered.
//   Searched again for issue 9's leftovers (news pages, documentation, public code): still no SKB
//   for 2027 (no decree number, no Kemenko PMK publication). What turns up are predictions in
//   third-party calendars and code, and they disagree with one another (e.g. cuti bersama for Idul
//   Fitri 1448 H on 9/12/15 March, 11/12/15 March or 12/15/16 March 2027), so none is copied here.
//   Add 2027 only from the signed SKB (Kemenag, Kemnaker, KemenPAN-RB), with its number.

export type HolidayKind = 'libur' | 'cuti';

export interface Holiday {
  /** Office day, YYYY-MM-DD. */
  day: string;
  kind: HolidayKind;
  name: string;
}

const h = (day: string, kind: HolidayKind, name: string): Holiday => ({ day, kind, name });

export const OFFICIAL_HOLIDAYS: readonly Holiday[] = [
  // ---- 2025 (SKB 1017/2024, 2/2024, 2/2024)
  h('2025-01-01', 'libur', 'Tahun Baru 2025 Masehi'),
  h('2025-01-27', 'libur', 'Isra Mikraj Nabi Muhammad SAW'),
  h('2025-01-28', 'cuti', 'Cuti bersama Tahun Baru Imlek'),
  h('2025-01-29', 'libur', 'Tahun Baru Imlek 2576 Kongzili'),
  h('2025-03-28', 'cuti', 'Cuti bersama Hari Suci Nyepi'),
  h('2025-03-29', 'libur', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'),
  h('2025-03-31', 'libur', 'Idul Fitri 1446 H'),
  h('2025-04-01', 'libur', 'Idul Fitri 1446 H'),
  h('2025-04-02', 'cuti', 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-03', 'cuti', 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-04', 'cuti', 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-07', 'cuti', 'Cuti bersama Idul Fitri 1446 H'),
  h('2025-04-18', 'libur', 'Wafat Yesus Kristus'),
  h('2025-04-20', 'libur', 'Kebangkitan Yesus Kristus (Paskah)'),
  h('2025-05-01', 'libur', 'Hari Buruh Internasional'),
  h('2025-05-12', 'libur', 'Hari Raya Waisak 2569 BE'),
  h('2025-05-13', 'cuti', 'Cuti bersama Hari Raya Waisak'),
  h('2025-05-29', 'libur', 'Kenaikan Yesus Kristus'),
  h('2025-05-30', 'cuti', 'Cuti bersama Kenaikan Yesus Kristus'),
  h('2025-06-01', 'libur', 'Hari Lahir Pancasila'),
  h('2025-06-06', 'libur', 'Idul Adha 1446 H'),
  h('2025-06-09', 'cuti', 'Cuti bersama Idul Adha 1446 H'),
  h('2025-06-27', 'libur', '1 Muharam Tahun Baru Islam 1447 H'),
  h('2025-08-17', 'libur', 'Proklamasi Kemerdekaan'),
  h('2025-09-05', 'libur', 'Maulid Nabi Muhammad SAW'),
  h('2025-12-25', 'libur', 'Kelahiran Yesus Kristus'),
  h('2025-12-26', 'cuti', 'Cuti bersama Kelahiran Yesus Kristus'),
  // ---- 2026 (SKB 1497/2025, 2/2025, 5/2025)
  h('2026-01-01', 'libur', 'Tahun Baru 2026 Masehi'),
  h('2026-01-16', 'libur', 'Isra Mikraj Nabi Muhammad SAW'),
  h('2026-02-16', 'cuti', 'Cuti bersama Tahun Baru Imlek'),
  h('2026-02-17', 'libur', 'Tahun Baru Imlek 2577 Kongzili'),
  h('2026-03-18', 'cuti', 'Cuti bersama Hari Suci Nyepi'),
  h('2026-03-19', 'libur', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  h('2026-03-20', 'cuti', 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-03-21', 'libur', 'Idul Fitri 1447 H'),
  h('2026-03-22', 'libur', 'Idul Fitri 1447 H'),
  h('2026-03-23', 'cuti', 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-03-24', 'cuti', 'Cuti bersama Idul Fitri 1447 H'),
  h('2026-04-03', 'libur', 'Wafat Yesus Kristus'),
  h('2026-04-05', 'libur', 'Kebangkitan Yesus Kristus (Paskah)'),
  h('2026-05-01', 'libur', 'Hari Buruh Internasional'),
  h('2026-05-14', 'libur', 'Kenaikan Yesus Kristus'),
  h('2026-05-15', 'cuti', 'Cuti bersama Kenaikan Yesus Kristus'),
  h('2026-05-27', 'libur', 'Idul Adha 1447 H'),
  h('2026-05-28', 'cuti', 'Cuti bersama Idul Adha 1447 H'),
  h('2026-05-31', 'libur', 'Hari Raya Waisak 2570 BE'),
  h('2026-06-01', 'libur', 'Hari Lahir Pancasila'),
  h('2026-06-16', 'libur', '1 Muharam Tahun Baru Islam 1448 H'),
  h('2026-08-17', 'libur', 'Proklamasi Kemerdekaan'),
  h('2026-08-25', 'libur', 'Maulid Nabi Muhammad SAW'),
  h('2026-12-24', 'cuti', 'Cuti bersama Kelahiran Yesus Kristus'),
  h('2026-12-25', 'libur', 'Kelahiran Yesus Kristus'),
  // ---- 2027: official list not found (see the header); the admin enters it.
];

/** Years whose official list is shipped above. */
export const OFFICIAL_YEARS: readonly number[] = [2025, 2026];
