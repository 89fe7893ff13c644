// Bahasa Indonesia strings of this feature (Admin → Cadangan); may be merged into the catalogue in
// renderer/i18n/id.ts like the other features' strings.
import { glossary as g } from '../../i18n/glossary';

export const backupStrings = {
  backup: {
    tab: 'Cadangan',
    nowTitle: 'Cadangan database',
    nowHint:
      `Salinan database dibuat tanpa menghentikan ${g.antrean}: ${g.meja} tetap dapat mengambil dan memanggil nomor. Setiap salinan diperiksa keutuhannya sebelum salinan lama dihapus.`,
    start: 'Cadangkan sekarang',
    starting: 'Memulai…',
    cancel: 'Batalkan',
    lastBackup: (when: string) => `Cadangan terakhir: ${when}.`,
    neverBackedUp: 'Belum pernah ada cadangan. Buat satu sekarang.',
    lastError: (message: string) => `Cadangan terakhir gagal: ${message}`,
    progressLabel: 'Kemajuan',
    jobKinds: { 'backup.create': 'Pencadangan', 'backup.restore': 'Pemulihan' } as Record<string, string>,
    doneBackup: (name: string, size: string) => `Salinan tersimpan dan lolos pemeriksaan: ${name} (${size}).`,
    doneRestore: (name: string) =>
      `Database telah dipulihkan. Database sebelumnya disimpan di folder data sebagai ${name}. Semua layar memuat ulang datanya.`,
    cancelled: 'Dibatalkan. Tidak ada salinan yang disimpan dan database tidak diubah.',

    settingsTitle: 'Pengaturan cadangan',
    settingsHint:
      `Sebaiknya simpan cadangan di diska lain dari database, misalnya flashdisk, diska kedua atau folder jaringan, supaya tetap ada bila ${g.komputerUtama} rusak.`,
    folder: 'Folder cadangan',
    folderHint: 'Jalur lengkap, misalnya E:\\Cadangan Loket. Folder dibuat bila belum ada.',
    daily: 'Cadangkan otomatis setiap hari',
    dailyAt: 'Pukul (jam kantor, 24 jam)',
    dailyHint: `Misalnya 17:30. Bila ${g.komputerUtama} baru menyala setelah jam ini, cadangan hari itu dibuat saat ${g.komputerUtama} menyala.`,
    keep: 'Simpan berapa salinan terakhir',
    keepHint: 'Salinan yang lebih lama dihapus setelah salinan baru lolos pemeriksaan.',
    saved: 'Pengaturan cadangan disimpan.',

    listTitle: 'Salinan di folder cadangan',
    listEmpty: 'Belum ada salinan di folder ini.',
    fileName: 'Nama berkas',
    createdAt: 'Dibuat',
    size: 'Ukuran',
    restore: 'Pulihkan',

    confirmTitle: 'Pulihkan database dari salinan ini?',
    confirmBody: (name: string, when: string) =>
      `Seluruh data Loket akan diganti dengan isi salinan ${name} (dibuat ${when}). Data yang dicatat setelah itu tidak ada di salinan.`,
    confirmKept:
      'Database yang sekarang disimpan dulu di folder data Loket (sebelum-pemulihan-…), jadi pemulihan ini dapat dibatalkan oleh teknisi bila keliru.',
    confirmReload: 'Semua meja dan layar akan memuat ulang datanya; pengguna mungkin perlu masuk kembali.',
    confirmYes: 'Ya, pulihkan',
  },
};
