// The case file: required papers per service, scans, photos and files in a case, returns; the scan
// inbox watched all the time, the orphan sweep, and the scanners each PC found.
export { documentsHandlers } from './handlers';
export { scanToHost, type DeskScanOutcome, type DeskCall } from './deskScan';
export { SaneScanner } from './adapters/sane';
export { WatchFolderScanner } from './adapters/watchFolder';
export { startDocumentsBackground, type DocumentsBackgroundOptions } from './background';
export { deskScannerReporter, searchScanners } from './discovery';
