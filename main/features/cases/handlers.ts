import type { casesContract, familyContract } from '../../../common/contract/cases';
import type { HandlersFor } from '../../platform/transport/handler';
import { getCase, saveCase } from './cases';
import { areaNote, getFamily, lookupFamily, saveFamily } from './family';

export const casesHandlers = {
  'cases.get': (ctx, input) => getCase(ctx, input),
  'cases.save': (ctx, input) => saveCase(ctx, input),
} satisfies HandlersFor<typeof casesContract>;

export const familyHandlers = {
  'cases.family.get': (ctx, input) => getFamily(ctx, input),
  'cases.family.save': (ctx, input) => saveFamily(ctx, input),
  'cases.family.lookup': (ctx, input) => lookupFamily(ctx, input),
  'cases.area': (_ctx, input) => areaNote(input.number),
} satisfies HandlersFor<typeof familyContract>;
