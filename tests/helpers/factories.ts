// Fixed test data (no randomness): valid and invalid NIK/KK numbers and a first-run office.

/** Valid NIKs: 32 01 01 (Kab. Bogor area), born 15-01-1990 male / 55-01-1990 female (15 + 40). */
export const NIK_MALE = '3201011501900003';
export const NIK_FEMALE = '3201015501900004';
export const KK_VALID = '3201012003150007';

export const FIRST_RUN = {
  officeName: 'Dinas Kesehatan Kabupaten Musi Banyuasin',
  kabKota: 'Kabupaten Musi Banyuasin',
  address: 'Jl. Kolonel Wahid Udin No. 1, Sekayu',
  adminUsername: 'admin',
  adminFullName: 'Admin Kantor',
  adminPassword: 'rahasia-admin-1',
};

export const PASSWORD = 'rahasia-staf-1';
