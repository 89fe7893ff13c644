// Bahasa Indonesia strings of this feature; merged into the catalogue in renderer/i18n/id.ts.
import { capital, glossary as g } from '../../i18n/glossary';

export const satpamStrings = {
  satpam: {
    title: `Ambil ${g.nomorAntrean}`,
    purpose: '1. Pilih keperluan pengunjung',
    priority: '2. Prioritas (jika ada)',
    noServices: 'Belum ada layanan aktif. Minta admin mengaktifkan layanan.',
    issue: `Ambil ${g.nomorAntrean}`,
    issuing: 'Mengambil nomor…',
    pickFirst: 'Pilih keperluan terlebih dahulu.',
    ticketTitle: capital(g.nomorAntrean),
    issuedAt: (time: string) => `Diambil pukul ${time}`,
    print: 'Cetak',
    next: 'Pengunjung berikutnya',
    waitNote: 'Silakan menunggu panggilan di ruang tunggu.',
    autoPrint: (printer: string) => `Cetak otomatis ke ${printer} setelah nomor diambil`,
    printing: (printer: string) => `Mengirim tiket ke ${printer}…`,
    printed: (printer: string) => `Tiket dicetak di ${printer}`,
    scanQr: `Pindai dengan ponsel untuk memantau ${g.antrean} Anda (Wi-Fi kantor).`,
    qrLabel: (label: string) => `Kode QR ${g.antrean} ${label}`,
    factsLoading: `Menghitung ${g.antrean}…`,
    // The locked kiosk (kiosk.ts)
    kioskPriority: 'Prioritas? Sentuh bila Anda lansia, penyandang disabilitas, ibu hamil atau gawat darurat',
    kioskPurpose: 'Sentuh keperluan Anda untuk mengambil nomor',
    kioskTakeTicket: 'Ambil tiket Anda',
    kioskSeeScreen: 'Catat atau foto nomor ini, atau pindai kode QR-nya',
    kioskReturn: (sec: number) => `Kembali ke awal dalam ${sec} detik`,
    kioskDone: 'Selesai',
    kioskExit: 'Tahan 3 detik untuk keluar (petugas)',
  },
} as const;
