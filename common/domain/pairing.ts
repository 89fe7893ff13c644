// The short pairing code a desk is joined to the host with: typed by staff or read from a QR code,
// so it avoids characters people confuse (0/O, 1/I/L) and ignores case, spaces and dashes.

/** 31 characters: digits 2–9 and A–Z without I, L and O. */
export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAIRING_CODE_LENGTH = 8;
/** How long a code stays valid after the admin makes it. */
export const PAIRING_CODE_MINUTES = 15;

/** Upper case without spaces and dashes: `abcd-efgh` and `ABCD EFGH` are the same code. */
export function normalizePairingCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a normalised code has the right length and only characters of the alphabet. */
export function isPairingCode(code: string): boolean {
  return code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_ALPHABET.includes(c));
}

/** Shown as two groups of four (`ABCD-EFGH`), easier to read out and type. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A code from random bytes (one byte per character; bytes at or above 248 = 8 × 31 are skipped by the
 * caller's `next`, so every character is equally likely).
 */
export function pairingCodeFrom(next: () => number): string {
  let code = '';
  while (code.length < PAIRING_CODE_LENGTH) {
    const b = next();
    if (b < 248) code += PAIRING_ALPHABET[b % PAIRING_ALPHABET.length];
  }
  return code;
}

export const PAIR_LINK_PREFIX = 'loket://pair';

/** The QR code's text: everything a desk needs to join, as one link. */
export function pairingLink(code: string, hostUrl: string | null, fingerprint: string | null): string {
  const q = [hostUrl ? `host=${encodeURIComponent(hostUrl)}` : null, fingerprint ? `fp=${encodeURIComponent(fingerprint)}` : null, `code=${code}`]
    .filter(Boolean)
    .join('&');
  return `${PAIR_LINK_PREFIX}?${q}`;
}

/**
 * What a desk read: a link from the QR code (a USB QR reader types it into the field) or the code
 * typed by hand. Null when neither gives a well-formed code.
 */
export function parsePairingInput(text: string): { code: string; hostUrl: string | null; fingerprint: string | null } | null {
  const trimmed = text.trim();
  if (trimmed.toLowerCase().startsWith(PAIR_LINK_PREFIX)) {
    const params = new Map(
      trimmed
        .slice(trimmed.indexOf('?') + 1)
        .split('&')
        .map((pair) => pair.split('=').map((part) => safeDecode(part ?? '')) as [string, string]),
    );
    const code = normalizePairingCode(params.get('code') ?? '');
    return isPairingCode(code) ? { code, hostUrl: params.get('host') || null, fingerprint: params.get('fp') || null } : null;
  }
  const code = normalizePairingCode(trimmed);
  return isPairingCode(code) ? { code, hostUrl: null, fingerprint: null } : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
