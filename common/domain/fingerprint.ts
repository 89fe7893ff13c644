// A certificate's SHA-256 fingerprint as people read it out and desks pin it: `AB:CD:…`.

/** `AB:CD:…` from any spacing, colons or case, or null when it is not 32 bytes of hex. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}
