// Printers the host can reach and which one prints tickets.
import { z } from 'zod';
import { empty, entry } from './core';

export const devicesContract = {
  'devices.printers': entry(
    empty,
    z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })), ticketPrinter: z.string().nullable(), error: z.string().nullable() }),
    ['admin'],
  ),
  'settings.devices': entry(z.object({ ticketPrinter: z.string().trim().min(1).max(200).nullable() }), z.object({ ticketPrinter: z.string().nullable() }), ['admin']),
  /** Which devices this host has set up, for screens that offer printing. */
  'devices.status': entry(empty, z.object({ ticketPrinter: z.string().nullable() }), 'staff'),
} as const;
