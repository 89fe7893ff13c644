import type { membershipContract } from '../../../common/contract/membership';
import type { HandlersFor } from '../../platform/transport/handler';
import { checkFamilyAtBpjs, decide, listChecks, recordManual } from './checks';
import { familySheet } from './sheet';
import { statementFormFile } from './statementForms';
import { saveSettings, settingsView } from './settings';
import { testConnection } from './connection';
import { kickRetry } from './loop';

export const membershipHandlers = {
  'membership.list': (ctx, input) => listChecks(ctx, input),
  'membership.checkFamily': (ctx, input) => checkFamilyAtBpjs(ctx, input, () => kickRetry(ctx.store)),
  'membership.recordManual': (ctx, input) => recordManual(ctx, input),
  'membership.decide': (ctx, input) => decide(ctx, input),
  'membership.sheet': (ctx, input) => familySheet(ctx, input),
  'membership.statementForm': (ctx, input) => statementFormFile(ctx, input),
  'membership.settings.get': (ctx) => settingsView(ctx),
  'membership.settings.save': (ctx, input) => saveSettings(ctx, input),
  'membership.settings.test': (ctx) => testConnection(ctx),
} satisfies HandlersFor<typeof membershipContract>;
