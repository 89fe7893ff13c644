// Printers the host can reach and which one prints tickets.
import { z } from 'zod';
import { empty, entry } from './core';

export const devicesContract = {
  'devices.printers': entry(
    empty,
    z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })), ticketPrinter: z.string().nullable(), error: z.string().nullable() }),
    ['admin'],
  ),
  'settings.devices': entry(
    z.object({
      ticketPrinter: z.string().trim().min(1).max(200).nullable(),
      /** An ESC/POS thermal printer on the LAN, "host:port" (9100 when left out); tried before the document printer (CUPS or the Windows spooler). */
      ticketPrinterTcp: z.string().trim().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'Tulis alamat seperti 192.168.1.50:9100.').nullable().optional(),
    }),
    z.object({ ticketPrinter: z.string().nullable(), ticketPrinterTcp: z.string().nullable() }),
    ['admin'],
  ),
  /** Which devices this host has set up, for screens that offer printing. */
  'devices.status': entry(empty, z.object({ ticketPrinter: z.string().nullable() }), 'staff'),
} as const;
