// Messages out for a visit: the statement forms e-mailed to the BPJS branch through the office's
// SMTP account (queued, retried), and WhatsApp texts for the visitor as wa.me links.
import { z } from 'zod';
import { empty, entry, Id, Iso, RequestId } from './core';

export const SmtpSettings = z.object({
  host: z.string().trim().min(1, 'Alamat server SMTP wajib diisi.').max(255),
  port: z.number().int().min(1).max(65535),
  /** true: TLS from the start (port 465); false: STARTTLS when offered (587/25). */
  secure: z.boolean(),
  user: z.string().trim().max(255),
  /** Write-only: never returned. Empty on save keeps the stored one. */
  password: z.string().max(500).optional(),
  from: z.string().trim().email('Alamat pengirim tidak valid.'),
  bpjsAddress: z.string().trim().email('Alamat e-mail kantor cabang BPJS tidak valid.'),
});

export const Message = z.object({
  id: Id,
  ticketId: Id,
  channel: z.enum(['email', 'whatsapp']),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })),
  status: z.enum(['queued', 'sent', 'failed', 'opened']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: Iso.nullable(),
  createdAt: Iso,
  sentAt: Iso.nullable(),
  createdByName: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

const Attachment = z.object({
  name: z.string().trim().min(1).max(200).regex(/^[^\\/]+$/, 'Nama lampiran tidak boleh berisi garis miring.'),
  contentBase64: z.string().max(14_000_000, 'Lampiran lebih dari 10 MB.'),
});

export const messagesContract = {
  'messages.smtpSettings': entry(empty, SmtpSettings.omit({ password: true }).extend({ passwordSet: z.boolean() }).nullable(), ['admin']),
  'messages.saveSmtp': entry(SmtpSettings, z.object({ saved: z.literal(true) }), ['admin'], { personal: true }),
  /** Queues the visit's statement form, filled (membership.statementForm's PDF), with the attachments, to the BPJS branch. */
  'messages.emailBpjs': entry(
    z.object({
      requestId: RequestId.optional(),
      ticketId: Id,
      form: z.enum(['peserta_baru', 'pengalihan', 'cetak_eid']),
      /** One member only; without it the form names every member whose outcome calls for it. */
      nik: z.string().trim().max(100).optional(),
      attachments: z.array(Attachment).max(10).default([]),
    }),
    Message,
    ['resepsionis', 'petugas', 'admin'],
    { personal: true, idempotent: true },
  ),
  /** Sends a failed e-mail again now. */
  'messages.retry': entry(z.object({ requestId: RequestId.optional(), messageId: Id }), Message, ['resepsionis', 'petugas', 'admin'], { personal: true, idempotent: true }),
  /** Records a WhatsApp text for the visitor and answers the wa.me link to open. */
  'messages.whatsapp': entry(
    z.object({ requestId: RequestId.optional(), ticketId: Id, phone: z.string().trim().min(8).max(20), text: z.string().trim().min(1).max(2000) }),
    Message.extend({ link: z.string() }),
    ['resepsionis', 'petugas', 'admin'],
    { personal: true, idempotent: true },
  ),
  'messages.forTicket': entry(z.object({ ticketId: Id }), z.array(Message), ['resepsionis', 'petugas', 'admin'], { personal: true }),
} as const;
