// Interfaces the platform hands to features, implemented by feature adapters and chosen by the
// composition root (main/app/start.ts).

export interface PrinterInfo { name: string; isDefault: boolean }

export interface DocumentPrinter {
  list(): Promise<PrinterInfo[]>;
  /** Sends a PDF to the named queue; resolves with the spooler's job id. */
  print(printer: string, pdf: Uint8Array, title: string): Promise<string>;
}

/**
 * Encrypts secrets kept at rest (BPJS credentials). Under Electron, safeStorage (the OS keychain);
 * headless, a key file readable only by the host's user (main/platform/secretBox.ts).
 */
export interface SecretBox {
  /** What kind of protection, for the admin screen and support ("safeStorage", "file-key"). */
  readonly kind: string;
  seal(plain: string): string;
  /** Throws when the sealed text was made with another key. */
  open(sealed: string): string;
}

/** A scanner as its adapter names it. */
export interface ScannerDevice { id: string; vendor: string; model: string; kind: string }

export interface ScannerCapabilities {
  resolutions: { min: number; max: number } | number[];
  modes: ('gray' | 'color')[];
  sources: ('flatbed' | 'adf')[];
  /** Largest scan area, in mm; null when the device does not say. */
  maxWidthMm: number | null;
  maxHeightMm: number | null;
}

export interface ScanRequest {
  device: string;
  resolution: number;
  mode: 'gray' | 'color';
  paper: 'A4' | 'F4' | 'Letter';
  source: 'flatbed' | 'adf';
  /** A folder of its own for this batch: the adapter writes one file per page there. */
  outDir: string;
  signal?: AbortSignal;
  /** Called as each page is complete on disk, in order, while the batch goes on. */
  onPage?(page: ScannedPage): void;
}

export interface ScannedPage { seq: number; path: string }

/** Why a batch stopped early; pages scanned before it are in `pages`. */
export type ScanFaultCode =
  | 'SCANNER_NOT_FOUND' | 'SCANNER_BUSY' | 'SCANNER_JAMMED' | 'SCANNER_COVER_OPEN' | 'ADF_EMPTY' | 'SCAN_CANCELLED' | 'SCAN_FAILED' | 'NOT_AN_IMAGE';

export interface ScanFault { code: ScanFaultCode; message: string }

export interface ScanResult { pages: ScannedPage[]; fault: ScanFault | null; refused?: string[] }

/**
 * A scanner on the PC it is attached to (SANE, WIA, NAPS2, a scan-to-folder share). `scan` never
 * throws for a device fault: it answers the pages it got and the fault, so nothing scanned is lost.
 */
export interface Scanner {
  list(): Promise<ScannerDevice[]>;
  capabilities(device: string): Promise<ScannerCapabilities>;
  scan(request: ScanRequest): Promise<ScanResult>;
}
