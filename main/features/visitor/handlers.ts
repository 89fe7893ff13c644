import type { visitorContract } from '../../../common/contract/visitor';
import type { HandlersFor } from '../../platform/transport/handler';
import { displaySettings, saveDisplaySettings } from './displaySettings';
import { visitorLink, visitorPosition, visitorStatus } from './visitor';

export const visitorHandlers = {
  'visitor.position': (ctx, input) => visitorPosition(ctx, input),
  'visitor.link': (ctx, input) => visitorLink(ctx, input),
  'visitor.status': (ctx, input) => visitorStatus(ctx, input),
  'display.settings': (ctx) => displaySettings(ctx),
  'display.saveSettings': (ctx, input) => saveDisplaySettings(ctx, input),
} satisfies HandlersFor<typeof visitorContract>;
