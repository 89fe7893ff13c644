// Bahasa Indonesia strings of this feature; merged into the catalogue in renderer/i18n/id.ts.

export const dashboardStrings = {
  dashboard: {
    title: 'Dasbor hari ini',
    issued: 'Nomor diambil',
    done: 'Selesai dilayani',
    service: 'Layanan',
    step: 'Langkah',
    mutuBaku: 'Mutu baku',
    count: 'Jumlah',
    waitMedian: 'Tunggu (median)',
    waitP90: 'Tunggu (p90)',
    serviceMedian: 'Layanan (median)',
    serviceP90: 'Layanan (p90)',
    within: '% sesuai mutu baku',
    empty: 'Belum ada data hari ini.',
    minutes: (n: number) => `${n} mnt`,
  },
} as const;
