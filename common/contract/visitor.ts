// What the visitor sees beyond the number: people ahead and an estimated wait (ticket, kiosk), the
// phone page behind the ticket's QR code (public, numbers only), and the waiting-room TV's running
// text and office information (set in Admin).
import { z } from 'zod';
import { Stage, TicketStatus } from '../domain/words';
import { empty, entry, Id, Iso } from './core';
import { DisplayCall } from './stats';

const ticketRef = z.object({ ticketId: Id });

/** Place in line: how many the ticket's stage calls before it and roughly how long that takes. */
export const VisitorPosition = z.object({
  /** Visitors called before this one at its stage; 0 when it is next or no longer waiting. */
  ahead: z.number().int(),
  /** Minutes, rounded up to 5; null while today has too few finished visits to tell. */
  estimatedWaitMin: z.number().int().nullable(),
});
export type VisitorPosition = z.infer<typeof VisitorPosition>;

/** The ticket's phone link: unguessable (≥128 random bits), made on first use, the same afterwards. */
export const VisitorLink = z.object({
  token: z.string(),
  /** http://HOST:PORT/#/v/<token> on the host's first LAN address. */
  url: z.string(),
  /** False when the host only listens on this PC (127.0.0.1): no phone could open the link. */
  reachable: z.boolean(),
  /** The QR code of `url` (the PDF's own encoder) as an SVG path on a `size`×`size` grid, quiet zone included. */
  qr: z.object({ size: z.number().int(), path: z.string() }),
});
export type VisitorLink = z.infer<typeof VisitorLink>;

/** What the phone page shows: the ticket's numbers, never a name or a NIK. */
export const VisitorStatus = z.object({
  label: z.string(),
  serviceName: z.string(),
  status: TicketStatus,
  stage: Stage.nullable(),
  ahead: z.number().int(),
  estimatedWaitMin: z.number().int().nullable(),
  /** When the ticket was last called (for the phone to tell a new call from an old one). */
  calledAt: Iso.nullable(),
  /** The counter it is called to, while called or being served. */
  counterNo: z.number().int().nullable(),
  /** Each counter's latest call today, counters in order: what the TV shows in its columns. */
  recentCalls: z.array(DisplayCall),
  officeName: z.string(),
  timeZone: z.string(),
  /** The host's clock when answering, so the page's "updated at" is the office's time. */
  serverTime: Iso,
});
export type VisitorStatus = z.infer<typeof VisitorStatus>;

export const DISPLAY_TEXT_MAX = 500;

/** The TV's words when nobody is being called: a running text and the office's information. */
export const DisplaySettings = z.object({
  /** Scrolls along the bottom of the board; empty: no running text. */
  runningText: z.string().trim().max(DISPLAY_TEXT_MAX, `Maksimal ${DISPLAY_TEXT_MAX} karakter.`),
  /** Shown in the big panel while no number has been called yet today (opening hours, requirements). */
  infoText: z.string().trim().max(DISPLAY_TEXT_MAX, `Maksimal ${DISPLAY_TEXT_MAX} karakter.`),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

export const visitorContract = {
  'visitor.position': entry(ticketRef, VisitorPosition, ['satpam', 'admin']),
  // Makes the token on first use and answers the same one after: a repeat is harmless by design.
  'visitor.link': entry(ticketRef, VisitorLink, ['satpam', 'admin']),
  'visitor.status': entry(z.object({ token: z.string().min(16).max(64) }), VisitorStatus, 'public'),
  // Public: the TV reads it without a login; it holds nothing but what the TV shows the room.
  'display.settings': entry(empty, DisplaySettings, 'public'),
  'display.saveSettings': entry(DisplaySettings, DisplaySettings, ['admin']),
} as const;
