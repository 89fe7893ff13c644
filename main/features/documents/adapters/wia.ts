// Windows: WIA through PowerShell's WIA COM objects (WIA.DeviceManager). One script per call, sent
// as -EncodedCommand (UTF-16LE base64: no quoting of paths or names can break it). The script
// prints one line per event, which parseWiaOutput reads: `DEVICE <id>\t<name>\t<type>`,
// `PAGE <n>\t<path>`, `ERROR <hresult>\t<message>`. Not runnable on Linux: the unit tests check the
// command line, the script and the parsing; the README says how to try it on Windows.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { ScanFaultCode, ScanRequest, ScanResult, ScannedPage, Scanner, ScannerCapabilities, ScannerDevice } from '../../../platform/ports';
import { PAPER_SIZES } from '../../../../common/domain/documents';
import { fault } from './faults';

/** WIA's HRESULTs for the faults the desk is told about (wiadef.h). */
const WIA_ERRORS: Record<string, ScanFaultCode> = {
  '0x80210002': 'SCANNER_JAMMED', // WIA_ERROR_PAPER_JAM
  '0x80210003': 'ADF_EMPTY', // WIA_ERROR_PAPER_EMPTY
  '0x80210006': 'SCANNER_BUSY', // WIA_ERROR_BUSY
  '0x80210016': 'SCANNER_COVER_OPEN', // WIA_ERROR_COVER_OPEN
  '0x80210005': 'SCANNER_NOT_FOUND', // WIA_ERROR_OFFLINE
  '0x80210015': 'SCANNER_NOT_FOUND', // WIA_S_NO_DEVICE_AVAILABLE
  '0x80210064': 'SCAN_CANCELLED', // WIA_ERROR_USER_INTERVENTION… treated as cancelled
  '0x800704c7': 'SCAN_CANCELLED', // ERROR_CANCELLED
};

const PNG_FORMAT = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}';
const psString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function wiaListScript(): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    '$dm = New-Object -ComObject WIA.DeviceManager',
    'foreach ($d in $dm.DeviceInfos) { if ($d.Type -eq 1) { "DEVICE " + $d.DeviceID + "`t" + $d.Properties.Item("Name").Value + "`tscanner" } }',
  ].join('\n');
}

/** Property ids (WIA 2.0): 6146 colour intent, 6147/6148 dpi, 6151/6152 extent, 3088 feeder/flatbed, 3096 pages. */
export function wiaScanScript(req: ScanRequest): string {
  const [wMm, hMm] = PAPER_SIZES[req.paper];
  const px = (mm: number) => Math.round((mm / 25.4) * req.resolution);
  const feeder = req.source === 'adf';
  return [
    "$ErrorActionPreference = 'Stop'",
    '$dm = New-Object -ComObject WIA.DeviceManager',
    `$want = ${psString(req.device)}`,
    '$info = $null',
    'foreach ($d in $dm.DeviceInfos) { if ($d.Type -eq 1 -and ($want -eq "" -or $d.DeviceID -eq $want)) { $info = $d; break } }',
    'if ($info -eq $null) { "ERROR 0x80210015`tno scanner"; exit 2 }',
    'try { $dev = $info.Connect() } catch { "ERROR 0x{0:x8}`t{1}" -f $_.Exception.HResult, $_.Exception.Message; exit 3 }',
    `function SetProp($props, $id, $v) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $v } } }`,
    `SetProp $dev.Properties 3088 ${feeder ? 1 : 2}`,
    `SetProp $dev.Properties 3096 ${feeder ? 0 : 1}`,
    '$item = $dev.Items.Item(1)',
    `SetProp $item.Properties 6146 ${req.mode === 'color' ? 1 : 2}`,
    `SetProp $item.Properties 6147 ${req.resolution}`,
    `SetProp $item.Properties 6148 ${req.resolution}`,
    `SetProp $item.Properties 6151 ${px(wMm)}`,
    `SetProp $item.Properties 6152 ${px(hMm)}`,
    `$out = ${psString(req.outDir)}`,
    '$n = 0',
    'while ($true) {',
    `  try { $img = $item.Transfer('${PNG_FORMAT}') } catch {`,
    '    $h = "0x{0:x8}" -f $_.Exception.HResult',
    `    if ($h -eq '0x80210003' -and $n -gt 0) { break }`,
    '    "ERROR " + $h + "`t" + $_.Exception.Message; exit 4',
    '  }',
    '  $n++',
    '  $path = Join-Path $out ("p{0:d4}.png" -f $n)',
    '  $img.SaveFile($path)',
    '  "PAGE " + $n + "`t" + $path',
    feeder ? '' : '  break',
    '}',
  ].filter(Boolean).join('\n');
}

/** powershell.exe's arguments for a script. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

export interface WiaOutput { devices: ScannerDevice[]; pages: ScannedPage[]; error: { code: ScanFaultCode; hresult: string; message: string } | null }

export function parseWiaOutput(out: string): WiaOutput {
  const devices: ScannerDevice[] = [];
  const pages: ScannedPage[] = [];
  let error: WiaOutput['error'] = null;
  for (const raw of out.split(/\r?\n/)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^DEVICE (.+?)\t(.*?)\t(.*)$/.exec(line))) devices.push({ id: m[1]!, vendor: '', model: m[2]!, kind: m[3]! });
    else if ((m = /^PAGE (\d+)\t(.+)$/.exec(line))) pages.push({ seq: Number(m[1]), path: m[2]! });
    else if ((m = /^ERROR (0x[0-9a-fA-F]{8})\t?(.*)$/.exec(line))) {
      const hresult = m[1]!.toLowerCase();
      error = { code: WIA_ERRORS[hresult] ?? 'SCAN_FAILED', hresult, message: m[2] ?? '' };
    }
  }
  return { devices, pages, error };
}

export class WiaScanner implements Scanner {
  constructor(private readonly powershell = 'powershell.exe') {}

  private run(script: string): Promise<string> {
    return new Promise((resolve) => execFile(this.powershell, powershellArgs(script), { windowsHide: true, timeout: 10 * 60_000 }, (_err, stdout) => resolve(String(stdout ?? ''))));
  }

  async list(): Promise<ScannerDevice[]> {
    return parseWiaOutput(await this.run(wiaListScript())).devices;
  }

  async capabilities(): Promise<ScannerCapabilities> {
    return { resolutions: [100, 150, 200, 300, 600], modes: ['gray', 'color'], sources: ['flatbed', 'adf'], maxWidthMm: null, maxHeightMm: null };
  }

  async scan(req: ScanRequest): Promise<ScanResult> {
    if (process.platform !== 'win32') return { pages: [], fault: fault('SCANNER_NOT_FOUND', 'WIA hanya ada di Windows') };
    const out = parseWiaOutput(await this.run(wiaScanScript({ ...req, outDir: req.outDir })));
    for (const p of out.pages) req.onPage?.({ seq: p.seq, path: p.path || join(req.outDir, `p${String(p.seq).padStart(4, '0')}.png`) });
    return { pages: out.pages, fault: out.error ? fault(out.error.code, out.error.message || out.error.hresult) : out.pages.length ? null : fault('SCAN_FAILED') };
  }
}
