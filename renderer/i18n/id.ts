// Every user-visible string of the renderer, in Bahasa Indonesia. Components import `t` and never
// hard-code text, so wording can be reviewed (and a second language added) in one place.
import type { Priority, Role, TicketStatus } from '../../common/contract/index';
import { authStrings } from '../features/auth/strings';
import { satpamStrings } from '../features/satpam/strings';
import { queueStrings } from '../features/queue/strings';
import { adminStrings } from '../features/admin/strings';
import { dashboardStrings } from '../features/dashboard/strings';
import { membershipStrings } from '../features/membership/strings';
import { lettersStrings } from '../features/letters/strings';
import { registerStrings } from '../features/register/strings';
import { documentsStrings } from '../features/documents/strings';
import { capital, glossary as g } from './glossary';

export { glossary } from './glossary';

/** The whole catalogue: app-wide words here, each feature's own in its strings.ts. */
export const t = {
  app: {
    name: 'Loket',
    connecting: `Menghubungkan ke ${g.komputerUtama}…`,
    retry: 'Coba lagi',
    back: 'Kembali ke menu',
    logout: 'Keluar',
    noAccess: 'Akun Anda tidak memiliki akses ke halaman ini.',
    notFound: 'Halaman tidak ditemukan.',
    counter: (n: number) => `Loket ${n}`,
    save: 'Simpan',
    saving: 'Menyimpan…',
    cancel: 'Batal',
    close: 'Tutup',
    yes: 'Ya',
    no: 'Tidak',
    edit: 'Ubah',
    required: 'wajib',
    /** A field's live length against its limit: "120 / 2.000". */
    charCount: (n: number, max: number) => `${n.toLocaleString('id-ID')} / ${max.toLocaleString('id-ID')}`,
  },
  connection: {
    online: `Terhubung ke ${g.komputerUtama}`,
    eventsDown: 'Pembaruan otomatis terputus, menyambung ulang…',
    offline: `${capital(g.komputerUtama)} tidak terjangkau`,
    unreachableBanner:
      `${capital(g.komputerUtama)} tidak dapat dihubungi. Isian Anda tetap tersimpan di layar ini; coba lagi setelah jaringan pulih.`,
  },
  roles: {
    satpam: 'Satpam',
    resepsionis: 'Resepsionis',
    petugas: 'Petugas layanan',
    tim_rujukan: 'Tim rujukan',
    penandatangan: 'Penandatangan',
    admin: 'Admin',
  } satisfies Record<Role, string>,
  priorities: {
    lansia: 'Lansia',
    disabilitas: 'Disabilitas',
    ibu_hamil: 'Ibu hamil',
    gawat_darurat: 'Gawat darurat',
  } satisfies Record<Priority, string>,
  statuses: {
    waiting: 'Menunggu',
    called: 'Dipanggil',
    serving: 'Sedang dilayani',
    skipped: 'Dilewati',
    done: 'Selesai',
    cancelled: 'Kunjungan diakhiri',
    no_show: 'Tidak hadir',
  } satisfies Record<TicketStatus, string>,
  home: {
    title: 'Menu',
    greeting: (name: string) => `Selamat bekerja, ${name}`,
    satpam: `Ambil ${g.nomorAntrean} (satpam)`,
    resepsionis: 'Meja resepsionis',
    petugas: 'Meja petugas layanan',
    admin: 'Pengaturan admin',
    dashboard: 'Dasbor hari ini',
    display: 'Layar ruang tunggu',
    none: 'Belum ada menu untuk peran Anda. Hubungi admin.',
  },
  ...authStrings,
  ...satpamStrings,
  ...queueStrings,
  ...adminStrings,
  ...dashboardStrings,
  ...membershipStrings,
  ...lettersStrings,
  ...registerStrings,
  ...documentsStrings,
} as const;
