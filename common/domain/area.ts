// The area code at the start of a NIK or KK number checked against Kemendagri's list
// (npm idn-area-data, loaded by the host). Pure: the caller passes the list.
// An unknown province is an error; an unknown regency or district only warns, because older NIKs
// keep the codes of districts that were split or renumbered later.

export interface AreaList {
  provinces: ReadonlyMap<string, string>;
  /** Keyed by 4 digits (no dots), e.g. "1671". */
  regencies: ReadonlyMap<string, string>;
  /** Keyed by 6 digits, e.g. "167101". */
  districts: ReadonlyMap<string, string>;
}

export interface AreaCheck {
  /** "Kec. Ilir Barat I, Kota Palembang, Sumatera Selatan": as far as the codes are known. */
  name: string;
  error: string | null;
  warning: string | null;
}

const title = (s: string): string => s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
const regencyWord = (name: string): string => title(name).replace(/^Kabupaten /, 'Kab. ');
/** "DKI JAKARTA" -> "DKI Jakarta", "DAERAH ISTIMEWA YOGYAKARTA" -> "Daerah Istimewa Yogyakarta". */
const provinceWord = (name: string): string => title(name).replace(/^Dki /, 'DKI ').replace(/^Di /, 'DI ');

/** `digits` is the number without spaces (16 digits expected; shorter input is checked as far as it goes). */
export function checkArea(digits: string, list: AreaList, label: string): AreaCheck {
  const p = digits.slice(0, 2);
  const r = digits.slice(0, 4);
  const d = digits.slice(0, 6);
  const province = list.provinces.get(p);
  if (!province) return { name: '', error: `Kode provinsi ${p} pada ${label} tidak ada dalam daftar wilayah Kemendagri.`, warning: null };
  const regency = list.regencies.get(r);
  if (!regency)
    return { name: provinceWord(province), error: null, warning: `Kode kabupaten/kota ${r} pada ${label} tidak ada dalam daftar Kemendagri (mungkin kode lama). Periksa kembali.` };
  const district = list.districts.get(d);
  if (!district)
    return {
      name: `${regencyWord(regency)}, ${provinceWord(province)}`,
      error: null,
      warning: `Kode kecamatan ${d} pada ${label} tidak ada dalam daftar Kemendagri (mungkin kecamatan yang sudah dimekarkan). Periksa kembali.`,
    };
  return { name: `Kec. ${title(district)}, ${regencyWord(regency)}, ${provinceWord(province)}`, error: null, warning: null };
}
