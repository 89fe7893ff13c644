import type { devicesContract } from '../../../common/contract/devices';
import type { HandlersFor } from '../../platform/transport/handler';
import { listPrinters, setDevices, ticketPrinter } from './printing';

export const devicesHandlers = {
  'devices.printers': (ctx) => listPrinters(ctx),
  'settings.devices': (ctx, input) => setDevices(ctx, input),
  'devices.status': (ctx) => ({ ticketPrinter: ticketPrinter(ctx) }),
} satisfies HandlersFor<typeof devicesContract>;
