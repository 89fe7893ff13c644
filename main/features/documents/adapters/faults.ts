// What each scanner fault says to the person at the desk, whichever adapter met it.
import type { ScanFault, ScanFaultCode } from '../../../platform/ports';

const KEPT = 'Halaman yang sudah terpindai tetap tersimpan; tekan Lanjutkan pindai untuk meneruskan.';

export const FAULT_MESSAGES: Record<ScanFaultCode, string> = {
  SCANNER_NOT_FOUND: 'Pemindai tidak ditemukan. Periksa kabel USB dan daya pemindai, lalu coba lagi; bila masih, minta admin memeriksa pilihan pemindai di Admin → Dokumen.',
  SCANNER_BUSY: 'Pemindai sedang dipakai program lain. Tutup program pemindai lain, tunggu sebentar, lalu coba lagi.',
  SCANNER_JAMMED: `Kertas macet di pemindai. Buka penutup pengumpan, tarik kertas yang macet dengan hati-hati. ${KEPT}`,
  SCANNER_COVER_OPEN: `Penutup pemindai terbuka. Tutup penutupnya. ${KEPT}`,
  ADF_EMPTY: 'Pengumpan kertas (ADF) kosong. Letakkan kertas di pengumpan dengan muka menghadap sesuai tanda, lalu coba lagi.',
  SCAN_CANCELLED: `Pemindaian dibatalkan. ${KEPT}`,
  SCAN_FAILED: `Pemindai berhenti karena kesalahan. ${KEPT}`,
  NOT_AN_IMAGE: 'Berkas ini bukan gambar pindaian (JPEG, PNG, TIFF, WEBP), jadi tidak dimasukkan.',
};

export const fault = (code: ScanFaultCode, detail?: string): ScanFault => ({
  code,
  message: detail ? `${FAULT_MESSAGES[code]} (${detail})` : FAULT_MESSAGES[code],
});
