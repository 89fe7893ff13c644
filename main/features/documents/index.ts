// The case file: required papers per service, scans, photos and files in a case, returns.
export { documentsHandlers } from './handlers';
export { scanToHost, type DeskScanOutcome, type DeskCall } from './deskScan';
export { SaneScanner } from './adapters/sane';
export { WatchFolderScanner } from './adapters/watchFolder';
