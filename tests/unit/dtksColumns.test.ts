// DTKS header mapping with known aliases, and the per-row check the import worker runs.
import { describe, expect, it } from 'vitest';
import { cleanIdCell, dtksRowIssue, mapHeaders, mappingProblems } from '../../common/domain/dtksColumns';

describe('DTKS columns', () => {
  it('maps the usual Dinas Sosial headers', () => {
    const m = mapHeaders(['No', 'ID DTKS', 'No. KK', 'NIK', 'Nama Lengkap', 'Alamat', 'Desa/Kelurahan', 'Kecamatan', 'Desil']);
    expect(m.mapping).toEqual({ householdId: 1, kk: 2, nik: 3, name: 4, address: 5, village: 6, district: 7, desil: 8 });
    expect(m.missing).toEqual([]);
  });

  it('maps DTSEN spellings and ignores case and punctuation', () => {
    const m = mapHeaders(['ID_KELUARGA', 'NOKK', 'nik_art', 'NAMA_ART', 'KELURAHAN']);
    expect(m.mapping).toMatchObject({ householdId: 0, kk: 1, nik: 2, name: 3, village: 4 });
  });

  it('reports the required columns it cannot find, and duplicates', () => {
    const m = mapHeaders(['Nomor', 'Nama', 'Keterangan', 'NAMA']);
    expect(m.missing).toEqual(['nik']);
    expect(m.duplicates).toEqual(['NAMA']);
  });

  it("checks the admin's own mapping", () => {
    expect(mappingProblems({ nik: 0, name: 0 }, 3)).toEqual(['Satu kolom dipilih untuk NIK dan Nama.']);
    expect(mappingProblems({ nik: 5, name: 1 }, 3)).toEqual(['Kolom untuk NIK tidak ada di berkas.']);
    expect(mappingProblems({ name: 1 }, 3)[0]).toMatch(/NIK belum dipilih/);
  });

  it('says why a row is bad, in Indonesian', () => {
    const ok = { nik: '3201014101900001', name: 'SITI', kk: '3201010101200001', desil: '2' };
    expect(dtksRowIssue(ok)).toBeNull();
    expect(dtksRowIssue({ ...ok, nik: '' })).toMatch(/NIK kosong/);
    expect(dtksRowIssue({ ...ok, nik: '32010141019000' })).toMatch(/16 digit/);
    expect(dtksRowIssue({ ...ok, nik: '3201013501900001' })).toMatch(/Tanggal lahir/);
    expect(dtksRowIssue({ ...ok, name: '' })).toMatch(/Nama kosong/);
    expect(dtksRowIssue({ ...ok, desil: '11' })).toMatch(/Desil/);
    expect(dtksRowIssue({ ...ok, kk: '123' })).toMatch(/KK/);
  });

  it('runs from its own source text, as the worker does', () => {
    const fn = (0, eval)(`(${String(dtksRowIssue)})`) as typeof dtksRowIssue;
    expect(fn({ nik: 'abc', name: 'X', kk: '', desil: '' })).toMatch(/selain angka/);
    const clean = (0, eval)(`(${String(cleanIdCell)})`) as typeof cleanIdCell;
    expect(clean(" '3201 0141.0190-0001 ")).toBe('3201014101900001');
    expect(clean('Jl. Merdeka 1')).toBe('Jl. Merdeka 1');
  });
});
