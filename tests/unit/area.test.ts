// The area code of a NIK/KK against Kemendagri's list (npm idn-area-data, read by the host).
import { describe, expect, it } from 'vitest';
import { checkArea } from '../../common/domain/area';
import { areaList } from '../../main/features/cases/areas';

describe('area codes', () => {
  const list = areaList();
  it('loads provinces, regencies and districts from idn-area-data', () => {
    expect(list.provinces.size).toBeGreaterThanOrEqual(38);
    expect(list.regencies.get('1606')).toMatch(/MUSI BANYUASIN/);
    expect(list.districts.size).toBeGreaterThan(7000);
  });
  it('names a known district, warns on an unknown regency or district, refuses an unknown province', () => {
    expect(checkArea('3171014101900001', list, 'NIK')).toEqual({ name: 'Kec. Gambir, Kota Administrasi Jakarta Pusat, DKI Jakarta', error: null, warning: null });
    const district = checkArea('3171994101900001', list, 'NIK');
    expect(district.error).toBeNull();
    expect(district.warning).toContain('Kode kecamatan 317199');
    expect(district.name).toBe('Kota Administrasi Jakarta Pusat, DKI Jakarta');
    expect(checkArea('3199014101900001', list, 'NIK').warning).toContain('kabupaten/kota 3199');
    expect(checkArea('9901014101900001', list, 'NIK').error).toBe('Kode provinsi 99 pada NIK tidak ada dalam daftar wilayah Kemendagri.');
  });
});
