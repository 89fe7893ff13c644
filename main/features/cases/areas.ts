// Kemendagri's area codes (npm idn-area-data), read once by the host from the package's CSV files.
// Only provinces, regencies and districts are read (~200 KB of the package's 4 MB; villages and
// islands are never touched), and never in the renderer: the form asks the host (cases.area).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AreaList } from '../../../common/domain/area';

let cached: AreaList | null = null;

function readCsv(dir: string, file: string, codeDigits: number): Map<string, string> {
  const map = new Map<string, string>();
  const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const first = line.indexOf(',');
    const last = line.lastIndexOf(',');
    // code,name (provinces) or code,parent_code,name: names may hold no comma in this data set,
    // but quoted ones are unquoted anyway.
    const code = line.slice(0, first).replace(/\./g, '');
    const name = line.slice(last + 1).replace(/^"|"$/g, '');
    if (code.length === codeDigits) map.set(code, name);
  }
  return map;
}

export function areaList(): AreaList {
  if (cached) return cached;
  const dir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  cached = { provinces: readCsv(dir, 'provinces.csv', 2), regencies: readCsv(dir, 'regencies.csv', 4), districts: readCsv(dir, 'districts.csv', 6) };
  return cached;
}
