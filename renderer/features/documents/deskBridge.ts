// Desk mode: the scanner is plugged into this PC, so its main process scans and uploads (the
// preload's narrow `scanner` addition). In the host's own window and in a browser, the host scans
// (documents.scan). Pure data crosses the bridge.
import type { Result } from '../../../common/contract/index';
import type { DocType } from '../../../common/domain/documents';

export interface DeskScanOutcome {
  uploaded: number;
  pending: number;
  fault: { code: string; message: string } | null;
}
export interface DeskScanProgressEvent {
  type: 'scan.progress';
  stage: 'sending' | 'scanning';
  uploaded: number;
  pending: number;
}
export interface DeskScannerBridge {
  scan(input: { token: string; ticketId: string; docType: DocType }): Promise<Result<DeskScanOutcome>>;
  cancel(): Promise<void>;
  onProgress(listener: (e: DeskScanProgressEvent) => void): () => void;
}

export function deskScanner(): DeskScannerBridge | null {
  const bridge = typeof window !== 'undefined' ? (window.loket as (typeof window.loket & { scanner?: DeskScannerBridge }) | undefined) : undefined;
  return bridge?.mode === 'desk' && bridge.scanner ? bridge.scanner : null;
}
