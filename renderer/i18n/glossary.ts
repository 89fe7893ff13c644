// The glossary: the one Indonesian word for each thing Loket names on screen. Every strings.ts that
// names one of these things builds its text from here, so a word is decided once (and reviewed
// here) instead of drifting per screen. Plain words for office staff, spelled as KBBI and BPJS do.
// Dependency-free on purpose: the TV board and the visitor's phone page import it too without
// pulling in the staff catalogue. tests/unit/wording.test.ts keeps the old words off every screen.

export const glossary = {
  /** The line of visitors waiting to be served (KBBI, BPJS: "antrean", never "antrian"). */
  antrean: 'antrean',
  /** The printed number a visitor holds for the whole visit, e.g. "A012". */
  nomorAntrean: 'nomor antrean',
  /**
   * The office PC that runs Loket and holds the database; desks, the TV and the kiosk connect to
   * it. Never "host" or "server" on screen ("server pusat" is the dinas's central server, elsewhere).
   */
  komputerUtama: 'komputer utama',
  /** A place where staff serve visitors: a PC or browser paired with the komputer utama. */
  meja: 'meja',
  /** The number a desk is called by ("Loket 2"), spoken by the TV's voice. */
  loket: 'Loket',
  /** The short one-time code (8 characters) an admin makes to connect a desk; not "kode pasangan", not "token". */
  kodePemasangan: 'kode pemasangan',
  /** Call the visitor already at this desk again, now (queue.recall): the same number is announced once more. */
  panggilUlang: 'Panggil ulang',
  /**
   * Call a visitor back from the skipped list (queue.callSkipped): someone who did not come when called
   * earlier and has turned up later. Deliberately not "Panggil lagi", which reads like "Panggil ulang".
   */
  panggilTerlewat: 'Panggil yang terlewat',
  /** The marker of a skipped visitor ("terlewat": called, but not there at the time). */
  terlewat: 'terlewat',
} as const;

/** The glossary word with a capital first letter, for the start of a sentence or a heading. */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Words that must not appear in Indonesian text shown to people (checked by wording.test.ts).
 * Each with the glossary word to use instead.
 */
export const forbiddenWords: ReadonlyArray<{ pattern: RegExp; use: string }> = [
  { pattern: /antrian/i, use: glossary.antrean },
  { pattern: /\bhost\b/i, use: glossary.komputerUtama },
  { pattern: /Panggil lagi/i, use: glossary.panggilTerlewat },
  { pattern: /Pengguna panjang/i, use: 'Akun pengguna “…” dibuat' },
];
