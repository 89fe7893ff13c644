// Bahasa Indonesia strings of this feature; merged into the catalogue in renderer/i18n/id.ts.

export const satpamStrings = {
  satpam: {
    title: 'Ambil nomor antrian',
    purpose: '1. Pilih keperluan pengunjung',
    priority: '2. Prioritas (jika ada)',
    noServices: 'Belum ada layanan aktif. Minta admin mengaktifkan layanan.',
    issue: 'Ambil nomor antrian',
    issuing: 'Mengambil nomor…',
    pickFirst: 'Pilih keperluan terlebih dahulu.',
    ticketTitle: 'Nomor antrian',
    issuedAt: (time: string) => `Diambil pukul ${time}`,
    print: 'Cetak',
    next: 'Pengunjung berikutnya',
    waitNote: 'Silakan menunggu panggilan di ruang tunggu.',
    autoPrint: (printer: string) => `Cetak otomatis ke ${printer} setelah nomor diambil`,
    printing: (printer: string) => `Mengirim tiket ke ${printer}…`,
    printed: (printer: string) => `Tiket dicetak di ${printer}`,
  },
} as const;
