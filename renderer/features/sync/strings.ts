// Bahasa Indonesia strings of sync (the header's indicator and Admin → Sinkronisasi).

export const syncStrings = {
  tab: 'Sinkronisasi',
  indicator: {
    synced: 'Tersinkron',
    pending: (n: number, last: string | null) =>
      `${n.toLocaleString('id-ID')} menunggu sinkronisasi, ${last ? `terakhir berhasil ${last}` : 'belum pernah berhasil'}`,
    failingNoPending: (last: string | null) => (last ? `Sinkronisasi gagal, terakhir berhasil ${last}` : 'Sinkronisasi belum berhasil'),
    refused: 'Sinkronisasi dihentikan: komputer ini dicabut',
  },
  panel: {
    title: 'Sinkronisasi dengan server pusat',
    hint: 'Buku register dan angka antrean harian dikirim ke server pusat (dinas kesehatan) setiap kali ada internet. Data tetap tersimpan di komputer ini selama internet putus dan dikirim otomatis nanti.',
    notEnrolled: 'Komputer ini belum terdaftar di server pusat. Minta kode pendaftaran kepada admin server pusat, lalu isi di bawah.',
    serverUrl: 'Alamat server pusat',
    serverUrlHint: 'Misalnya https://loket.dinkes.sumselprov.go.id',
    code: 'Kode pendaftaran',
    codeHint: 'Kode sekali pakai dari admin server pusat.',
    enrol: 'Daftarkan komputer ini',
    reEnrol: 'Daftar ulang dengan kode baru',
    enrolling: 'Mendaftarkan…',
    stateTitle: 'Keadaan',
    server: 'Server',
    office: 'Kantor',
    pending: 'Menunggu dikirim',
    lastSuccess: 'Terakhir berhasil',
    lastAttempt: 'Percobaan terakhir',
    never: 'belum pernah',
    message: 'Pesan',
    syncNow: 'Sinkronkan sekarang',
    syncing: 'Menyinkronkan…',
    states: { off: 'Belum terdaftar', synced: 'Tersinkron', pending: 'Menunggu', failing: 'Gagal, dicoba lagi otomatis', refused: 'Dicabut' } as Record<string, string>,
    quarantineTitle: 'Perubahan yang ditolak server (karantina)',
    quarantineHint: 'Perubahan ini tidak dapat diterapkan di server pusat dan disisihkan supaya perubahan lain tetap terkirim. Laporkan alasannya kepada admin server pusat.',
    quarantineEmpty: 'Tidak ada perubahan yang ditolak.',
    cols: { at: 'Waktu', table: 'Tabel', record: 'Rekaman', kind: 'Jenis', reason: 'Alasan' },
  },
};
