// Bahasa Indonesia strings of this feature; merged into the catalogue in renderer/i18n/id.ts.
// Plain words for a head of office: averages and "9 dari 10", never "median" or "p90".
import { glossary as g } from '../../i18n/glossary';

export const dashboardStrings = {
  dashboard: {
    title: 'Dasbor',
    day: 'Hari',
    today: 'Hari ini',
    dayOption: (date: string, issued: number) => `${date} · ${issued} nomor`,
    issued: 'Nomor diambil',
    done: 'Selesai dilayani',
    noShow: 'Tidak hadir',
    cancelled: 'Kunjungan diakhiri',
    open: `Masih dalam ${g.antrean}`,
    cancelledReasons: (pergi: number, salah: number, lainnya: number) =>
      `${pergi} pergi · ${salah} salah layanan · ${lainnya} lainnya`,
    waitAvg: 'Rata-rata tunggu',
    waitAvgHint: 'Total waktu menunggu per pengunjung, semua langkah',
    waitP90: (d: string) => `9 dari 10 pengunjung menunggu ≤ ${d}`,
    within: 'Sesuai mutu baku',
    withinHint: 'Langkah yang selesai dalam waktu mutu baku',
    /** The colour rule, stated on screen. */
    withinLegend: 'Warna: hijau ≥ 80%, kuning ≥ 60%, merah di bawah 60%.',
    implausible: (n: number) => `${n} langkah selesai terlalu cepat (< 10 dtk)`,
    implausibleNone: 'Tidak ada langkah yang terlalu cepat',
    implausibleFlag: (n: number) => `${n} terlalu cepat`,
    implausibleTitle: 'Selesai kurang dari 10 detik: kemungkinan hanya diklik, tidak dihitung sesuai mutu baku.',

    stepsTitle: 'Per langkah SOP',
    step: 'Langkah',
    mutuBaku: 'Mutu baku',
    count: 'Pengunjung',
    waitStep: 'Rata-rata tunggu',
    waitStepP90: '9 dari 10 menunggu ≤',
    serviceAvg: 'Rata-rata lama langkah',
    serviceP90: '9 dari 10 selesai ≤',
    withinCol: 'Sesuai mutu baku',
    checks: 'Catatan',
    minutes: (n: number) => `${n} mnt`,

    desksTitle: 'Per loket',
    desk: 'Loket',
    calls: 'Panggilan',
    visitors: 'Pengunjung',
    steps: 'Langkah selesai',
    half: 'Separuh selesai ≤',
    desksNote: 'Langkah dihitung di loket tempat pengunjung terakhir dipanggil; langkah satpam tidak di loket.',

    officersTitle: 'Per petugas',
    officer: 'Nama',
    role: 'Tugas',

    arrivalsTitle: 'Kedatangan per jam',
    arrivalsAxis: 'Nomor diambil',
    hour: (h: number) => `${String(h).padStart(2, '0')}.00`,
    hourRange: (h: number) => `${String(h).padStart(2, '0')}.00–${String(h + 1).padStart(2, '0')}.00`,
    stepChartTitle: 'Waktu per langkah dibanding mutu baku',
    stepChartHint: 'Rata-rata tunggu dan rata-rata lama langkah; garis merah: mutu baku langkah itu.',
    chartWait: 'Rata-rata tunggu',
    chartService: 'Rata-rata lama langkah',
    chartMutuBaku: 'Mutu baku',
    minutesAxis: 'menit',

    empty: 'Belum ada data pada hari ini.',
    none: '–',
  },
} as const;
