// The messages slice's handlers: Admin → E-mail (SMTP), e-mails to BPJS, WhatsApp links.
import type { messagesContract } from '../../../common/contract/messages';
import type { HandlersFor } from '../../platform/transport/handler';
import { emailBpjs, forTicket, retry, saveSmtp, smtpSettings, whatsapp } from './messages';

export const messagesHandlers = {
  'messages.smtpSettings': (ctx) => smtpSettings(ctx),
  'messages.saveSmtp': (ctx, input) => saveSmtp(ctx, input),
  'messages.emailBpjs': (ctx, input) => emailBpjs(ctx, input),
  'messages.retry': (ctx, input) => retry(ctx, input),
  'messages.whatsapp': (ctx, input) => whatsapp(ctx, input),
  'messages.forTicket': (ctx, input) => forTicket(ctx, input),
} satisfies HandlersFor<typeof messagesContract>;
