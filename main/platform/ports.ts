// Interfaces the platform hands to features, implemented by feature adapters and chosen by the
// composition root (main/app/start.ts).

export interface PrinterInfo { name: string; isDefault: boolean }

export interface DocumentPrinter {
  list(): Promise<PrinterInfo[]>;
  /** Sends a PDF to the named queue; resolves with the spooler's job id. */
  print(printer: string, pdf: Uint8Array, title: string): Promise<string>;
}
