import type { casesContract } from '../../../common/contract/cases';
import type { HandlersFor } from '../../platform/transport/handler';
import { getCase, saveCase } from './cases';

export const casesHandlers = {
  'cases.get': (ctx, input) => getCase(ctx, input),
  'cases.save': (ctx, input) => saveCase(ctx, input),
} satisfies HandlersFor<typeof casesContract>;
