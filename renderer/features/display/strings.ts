// The waiting-room board's words, in Bahasa Indonesia. Kept beside the board (not in i18n/id.ts) so
// the public display bundle does not pull in the staff screens' catalogue.
export const displayText = {
  title: 'Layar Antrian',
  nowCalling: 'Nomor antrian',
  goTo: 'Silakan ke',
  counter: (n: number) => `Loket ${n}`,
  noCallYet: 'Belum ada panggilan',
  recent: 'Panggilan terakhir',
  noRecent: 'Belum ada',
  connecting: 'Menyambung ke host…',
  disconnected: 'Terputus – menyambung ulang…',
  enableSound: 'Aktifkan suara',
  enableSoundHint: 'Klik sekali agar nomor antrian dibacakan.',
  /** Screen-reader text when a number is called. */
  called: (label: string, counterNo: number) => `Nomor antrian ${label}, silakan ke loket ${counterNo}`,
} as const;
