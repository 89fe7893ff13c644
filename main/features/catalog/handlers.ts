import type { catalogContract } from '../../../common/contract/catalog';
import type { HandlersFor } from '../../platform/transport/handler';
import { listServices, saveService, setQueueSettings } from './catalog';

export const catalogHandlers = {
  'services.list': (ctx) => listServices(ctx),
  'services.save': (ctx, input) => saveService(ctx, input),
  'settings.queue': (ctx, input) => setQueueSettings(ctx, input),
} satisfies HandlersFor<typeof catalogContract>;
