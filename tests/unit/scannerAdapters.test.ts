// The Windows adapters cannot run here: their command lines, scripts and output parsing are checked
// as text. (README "Dokumen dan pemindai" says how to try them on a Windows desk.)
import { describe, expect, it } from 'vitest';
import { classifyNaps2, naps2ListArgs, naps2ScanArgs, parseNaps2Devices, splitDevice } from '../../main/features/documents/adapters/naps2';
import { classifySaneError, parseDeviceList, saneArgs, parseCapabilities } from '../../main/features/documents/adapters/sane';
import { parseWiaOutput, powershellArgs, wiaScanScript } from '../../main/features/documents/adapters/wia';
import { checklistState, defaultChecklist, sniffImage } from '../../common/domain/documents';

const req = { device: 'twain:Canon DR-C225', resolution: 200, mode: 'gray' as const, paper: 'A4' as const, source: 'adf' as const, outDir: 'C:\\Loket\\pindaian\\b1' };

describe('WIA through PowerShell', () => {
  it('sends the script as -EncodedCommand (UTF-16LE), so no path or name can break the quoting', () => {
    const script = wiaScanScript({ ...req, device: "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001 O'Brien" });
    const args = powershellArgs(script);
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5]!, 'base64').toString('utf16le')).toBe(script);
    expect(script).toContain("$want = '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001 O''Brien'");
  });

  it('sets feeder, grey, dpi and the A4 extent, and loops until the feeder is empty', () => {
    const s = wiaScanScript(req);
    expect(s).toContain('SetProp $dev.Properties 3088 1');
    expect(s).toContain('SetProp $item.Properties 6146 2');
    expect(s).toContain('SetProp $item.Properties 6147 200');
    expect(s).toContain('SetProp $item.Properties 6151 1654');
    expect(s).toContain('SetProp $item.Properties 6152 2339');
    expect(s).toContain("$item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}')");
    expect(s).not.toMatch(/^\s*break$/m);
    expect(wiaScanScript({ ...req, source: 'flatbed', mode: 'color' })).toMatch(/SetProp \$dev\.Properties 3088 2[\s\S]*6146 1[\s\S]*^\s*break$/m);
  });

  it('reads devices, pages and faults from the script output', () => {
    const out = 'DEVICE {6BDD}\\0001\tCanon LiDE 300\tscanner\r\nPAGE 1\tC:\\x\\p0001.png\r\nPAGE 2\tC:\\x\\p0002.png\r\nERROR 0x80210002\tPaper jam\r\n';
    const parsed = parseWiaOutput(out);
    expect(parsed.devices).toEqual([{ id: '{6BDD}\\0001', vendor: '', model: 'Canon LiDE 300', kind: 'scanner' }]);
    expect(parsed.pages.map((p) => p.seq)).toEqual([1, 2]);
    expect(parsed.error).toMatchObject({ code: 'SCANNER_JAMMED', hresult: '0x80210002' });
    expect(parseWiaOutput('ERROR 0x80210006\tbusy').error?.code).toBe('SCANNER_BUSY');
    expect(parseWiaOutput('ERROR 0x80210016\t').error?.code).toBe('SCANNER_COVER_OPEN');
    expect(parseWiaOutput('ERROR 0x80210003\t').error?.code).toBe('ADF_EMPTY');
    expect(parseWiaOutput('ERROR 0x80004005\tunspecified').error?.code).toBe('SCAN_FAILED');
  });
});

describe('NAPS2 console', () => {
  it('builds the list and scan command lines', () => {
    expect(naps2ListArgs('escl')).toEqual(['--listdevices', '--driver', 'escl']);
    expect(splitDevice('Canon LiDE 300')).toEqual({ driver: 'wia', name: 'Canon LiDE 300' });
    expect(naps2ScanArgs(req)).toEqual([
      '-o', expect.stringMatching(/p\$\(nnnn\)\.png$/), '--noprofile', '--driver', 'twain', '--device', 'Canon DR-C225',
      '--source', 'feeder', '--dpi', '200', '--bitdepth', 'gray', '--pagesize', 'a4', '--force', '-v',
    ]);
  });

  it('reads devices and faults', () => {
    expect(parseNaps2Devices('Canon DR-C225\r\nHP LaserJet MFP M428\r\n').map((d) => d.id)).toEqual(['Canon DR-C225', 'HP LaserJet MFP M428']);
    expect(classifyNaps2('Error: Paper jam.')).toBe('SCANNER_JAMMED');
    expect(classifyNaps2('The feeder is empty.')).toBe('ADF_EMPTY');
    expect(classifyNaps2('The scanner is busy.')).toBe('SCANNER_BUSY');
    expect(classifyNaps2('Scanned 3 pages.')).toBeNull();
  });
});

describe('SANE parsing and arguments', () => {
  it('reads scanimage -f lines and classifies its complaints', () => {
    expect(parseDeviceList('epson2:libusb:001:004\tEpson\tDS-530\tsheetfed scanner\n')).toEqual([{ id: 'epson2:libusb:001:004', vendor: 'Epson', model: 'DS-530', kind: 'sheetfed scanner' }]);
    expect(classifySaneError('scanimage: sane_read: Document feeder jammed')).toBe('SCANNER_JAMMED');
    expect(classifySaneError('scanimage: sane_start: Document feeder out of documents')).toBe('ADF_EMPTY');
    expect(classifySaneError('scanimage: open of device x failed: Device busy')).toBe('SCANNER_BUSY');
  });

  it('asks the backend in its own words, clamping the paper to the device', () => {
    const caps = parseCapabilities('    --mode Lineart|Grayscale|Color [Color]\n    --source Flatbed|ADF Front|ADF Duplex [Flatbed]\n    --resolution 50..600dpi [300]\n    -x 0..215.9mm [215.9]\n    -y 0..297.2mm [297.2]\n');
    const args = saneArgs({ device: 'hp:1', resolution: 200, mode: 'gray', paper: 'F4', source: 'adf', outDir: '/tmp/b' }, caps);
    expect(args).toEqual(['-d', 'hp:1', '--format=png', '--batch=/tmp/b/p%04d.png', '--mode', 'Grayscale', '--source', 'ADF Front', '--resolution', '200', '-x', '215', '-y', '297']);
  });
});

describe('the case file domain', () => {
  it('knows the seeds defaults and what a case lacks', () => {
    expect(defaultChecklist({ code: 'X', name: 'Penerbitan Surat Rekomendasi' })).toContain('rujukan_resume_rs');
    expect(defaultChecklist({ code: 'Z', name: 'Pengurusan Kartu KIS' })).toEqual(['sktm', 'kk', 'ktp']);
    expect(checklistState(['ktp', 'kk'], { ktp: 2 })).toMatchObject({ missing: ['kk'], complete: false });
    expect(checklistState([], {}).complete).toBe(true);
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(new TextEncoder().encode('%PDF-1.4'))).toBeNull();
  });
});
