// The waiting-room board's words, in Bahasa Indonesia. Kept beside the board (not in i18n/id.ts) so
// the public display bundle does not pull in the staff screens' catalogue.
export const displayText = {
  title: 'Layar Antrean',
  nowCalling: 'Nomor antrean',
  goTo: 'Silakan ke',
  counter: (n: number) => `Loket ${n}`,
  noCallYet: 'Belum ada panggilan',
  recent: 'Panggilan terakhir',
  noRecent: 'Belum ada',
  connecting: 'Menyambung ke komputer utama…',
  disconnected: 'Terputus – menyambung ulang…',
  enableSound: 'Aktifkan suara',
  enableSoundHint: 'Klik sekali agar nomor antrean dibacakan.',
  lastCall: (label: string, counterNo: number) => `Panggilan terakhir: ${label} ke Loket ${counterNo}`,
  welcome: 'Selamat datang',
  /** Screen-reader text when a number is called. */
  called: (label: string, counterNo: number) => `Nomor antrean ${label}, silakan ke loket ${counterNo}`,
} as const;
