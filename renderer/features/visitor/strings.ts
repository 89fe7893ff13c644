// The visitor's phone page's words, in Bahasa Indonesia. Kept beside the page (not in i18n/id.ts),
// like the TV's, so the public bundle does not pull in the staff screens' catalogue (the glossary is tiny).
import { capital, glossary as g } from '../../i18n/glossary';

export const visitorText = {
  title: `${capital(g.antrean)} Anda`,
  yourNumber: `${capital(g.nomorAntrean)} Anda`,
  loading: `Memuat ${g.antrean}…`,
  notFound: `Tautan ${g.antrean} ini tidak dikenal. Periksa kode QR pada tiket Anda atau tanyakan ke satpam.`,
  unreachable: 'Tidak dapat terhubung ke kantor. Pastikan ponsel tersambung ke Wi-Fi kantor, lalu muat ulang halaman ini.',
  next: `Anda ${g.antrean} berikutnya`,
  ahead: (n: number) => `${n} ${g.antrean} sebelum Anda`,
  wait: (min: number | null) => (min === null ? 'Perkiraan tunggu belum tersedia' : min === 0 ? 'Sebentar lagi dipanggil' : `Perkiraan tunggu ± ${min} menit`),
  watchHint: 'Halaman ini memberi tahu Anda saat nomor Anda dipanggil. Biarkan tetap terbuka.',
  calledTitle: 'Nomor Anda dipanggil!',
  goTo: (counterNo: number) => `Silakan ke Loket ${counterNo}`,
  serving: (counterNo: number | null) => (counterNo ? `Sedang dilayani di Loket ${counterNo}` : 'Sedang dilayani'),
  skipped: `Nomor Anda ${g.terlewat} saat dipanggil. Silakan lapor ke resepsionis.`,
  done: 'Pelayanan selesai. Terima kasih atas kunjungan Anda.',
  closed: 'Kunjungan ini sudah ditutup. Silakan tanyakan ke resepsionis bila perlu.',
  recent: 'Panggilan terakhir',
  counter: (n: number) => `Loket ${n}`,
  noCalls: 'Belum ada panggilan hari ini.',
  enableAlert: 'Aktifkan bunyi & getar',
  enableAlertHint: 'Sentuh sekali agar ponsel berbunyi dan bergetar saat nomor Anda dipanggil.',
  alertOn: 'Bunyi & getar aktif',
  updatedAt: (time: string) => `Diperbarui ${time}`,
  reconnecting: 'Menyambung ulang…',
} as const;
