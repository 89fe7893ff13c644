// Bahasa Indonesia strings of this feature; merged into the catalogue in renderer/i18n/id.ts.
import { capital, glossary as g } from '../../i18n/glossary';

export const authStrings = {
  setup: {
    title: 'Pengaturan awal',
    intro: 'Komputer ini belum disiapkan. Isi data kantor dan akun admin pertama.',
    office: 'Data kantor',
    officeName: 'Nama kantor',
    officeNameHint: 'Contoh: Dinas Kesehatan Kabupaten Musi Banyuasin',
    kabKota: 'Kabupaten/Kota',
    address: 'Alamat',
    timeZone: 'Zona waktu kantor',
    timeZoneHint: `Menentukan pergantian hari (${g.nomorAntrean} mulai dari 1) dan jam yang tampil di semua layar.`,
    admin: 'Akun admin',
    adminUsername: 'Nama pengguna',
    usernameHint: '3–32 huruf kecil, angka, titik, garis bawah atau strip',
    adminFullName: 'Nama lengkap',
    password: 'Kata sandi',
    passwordHint: 'Minimal 8 karakter',
    password2: 'Ulangi kata sandi',
    passwordMismatch: 'Kata sandi tidak sama.',
    passwordShort: 'Kata sandi minimal 8 karakter.',
    submit: 'Simpan dan mulai',
  },
  /** Form messages shared by the account forms (setup, add user): specific, one per field. */
  check: {
    required: (label: string) => `${label} wajib diisi.`,
    min: (label: string, n: number) => `${label} minimal ${n} karakter.`,
    max: (n: number, now: number) => `Maksimal ${n.toLocaleString('id-ID')} karakter (sekarang ${now.toLocaleString('id-ID')}).`,
    username: 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau strip, tanpa spasi.',
    summary: (n: number) => `Periksa ${n} isian yang ditandai.`,
  },
  pair: {
    title: `Hubungkan ${g.meja} ini`,
    intro:
      `Ketik ${g.kodePemasangan} 8 huruf dari admin (Admin › Meja › Buat ${g.kodePemasangan}), atau pindai kode QR-nya. Huruf besar atau kecil, spasi dan tanda hubung tidak berpengaruh.`,
    code: capital(g.kodePemasangan),
    codeHint: 'Contoh: K7MX-3QPA',
    submit: 'Hubungkan',
    pending: 'Menghubungkan…',
    tooShort: `${capital(g.kodePemasangan)} terdiri dari 8 huruf dan angka, mis. K7MX-3QPA. Periksa kembali kode dari admin.`,
  },
  login: {
    title: 'Masuk',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    changeDesk: `Ganti ${g.kodePemasangan}`,
  },
} as const;
