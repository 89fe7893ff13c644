// The waiting-room board's words, in Bahasa Indonesia. Kept beside the board (not in i18n/id.ts) so
// the public display bundle does not pull in the staff screens' catalogue (the glossary is tiny).
import { capital, glossary as g } from '../../i18n/glossary';

export const displayText = {
  title: `Layar ${capital(g.antrean)}`,
  nowCalling: capital(g.nomorAntrean),
  goTo: 'Silakan ke',
  counter: (n: number) => `Loket ${n}`,
  noCallYet: 'Belum ada panggilan',
  recent: 'Panggilan terakhir',
  noRecent: 'Belum ada',
  connecting: `Menyambung ke ${g.komputerUtama}…`,
  disconnected: 'Terputus – menyambung ulang…',
  enableSound: 'Aktifkan suara',
  enableSoundHint: `Klik sekali agar ${g.nomorAntrean} dibacakan.`,
  lastCall: (label: string, counterNo: number) => `Panggilan terakhir: ${label} ke Loket ${counterNo}`,
  welcome: 'Selamat datang',
  /** Screen-reader text when a number is called. */
  called: (label: string, counterNo: number) => `${capital(g.nomorAntrean)} ${label}, silakan ke loket ${counterNo}`,
} as const;
