export { devicesHandlers } from './handlers';
export { printTicket, ticketPdfFile } from './printing';
export { CupsPrinter, PrinterError } from './printer';
export { WindowsSpoolerPrinter } from './windowsPrinter';
export { documentPrinterFor, printerSystemFor } from './systemPrinter';
