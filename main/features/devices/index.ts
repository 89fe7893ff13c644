export { devicesHandlers } from './handlers';
export { printTicket, ticketPdfFile } from './printing';
export { CupsPrinter, PrinterError } from './printer';
export { engine as pdfEngine } from './ticketPdf';
