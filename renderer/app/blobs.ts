// A file the host sent as base64 (a PDF, a spreadsheet) as an object URL the screen can open or
// download; the caller revokes it when it is replaced or no longer shown.
export function objectUrlOf(base64: string, mime = 'application/pdf'): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}
