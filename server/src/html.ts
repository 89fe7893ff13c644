// The central pages' HTML frame: plain, readable at 1366×768, no external assets.
import type { WebUser } from './auth';

export const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "Siti Aminah binti Ahmad" → "S. A. b. A.": the public page never shows a patient's name. */
export const initials = (name: string) => name.split(/\s+/).filter(Boolean).map((w) => `${w[0]!.toUpperCase()}.`).join(' ');

export function table(headers: string[], rows: string[][], testId: string): string {
  if (rows.length === 0) return `<p class="muted" data-testid="${testId}-empty">Belum ada data.</p>`;
  return `<table data-testid="${testId}"><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STYLE = `body{font:15px/1.45 "DejaVu Sans",system-ui,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}
header{background:#0f5c4d;color:#fff;display:flex;gap:24px;align-items:center;padding:10px 24px}header a{color:#fff;text-decoration:none;font-weight:600}
header .who{margin-left:auto;opacity:.85}main{padding:20px 24px;max-width:1300px}h1{font-size:22px;margin:0 0 14px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #dde3e8;padding:7px 10px;text-align:left;vertical-align:top}
th{background:#e8eef2;font-weight:600}.muted{color:#66727f}.error{color:#a32020}.card{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:12px 14px;margin-bottom:14px}
.inline{display:flex;gap:8px;flex-wrap:wrap;align-items:center}.inline select{max-width:260px}.narrow{max-width:360px;display:grid;gap:10px}input,select,button,.button{font:inherit;padding:5px 9px}
button,.button{background:#0f5c4d;color:#fff;border:0;border-radius:4px;cursor:pointer;text-decoration:none}button.danger{background:#a32020}td form{display:inline}
.code{font:bold 28px monospace;letter-spacing:2px}.verdict{font-size:20px;font-weight:700;padding:10px 14px;border-radius:6px}.ok{background:#e3f4ea;color:#135c2f}.bad{background:#fbe6e6;color:#8a1c1c}
dl{display:grid;grid-template-columns:170px 1fr;gap:6px 12px;background:#fff;padding:14px;border:1px solid #dde3e8;border-radius:6px}dt{font-weight:600}.drop{border-style:dashed;text-align:center;padding:28px}.drop.over{background:#e3f4ea}.link{color:#0f5c4d;text-decoration:underline;cursor:pointer}`;

export function page(title: string, body: string, user: WebUser | null = null, publicPage = false): string {
  const nav = publicPage
    ? '<strong>Verifikasi Surat — Server Pusat Loket</strong>'
    : `<strong>Loket Pusat</strong><a href="/offices">Kantor</a><a href="/register">Register</a><a href="/recap">Rekap bulanan</a>${user ? `<span class="who">${esc(user.username)} (${esc(user.role)})</span>` : ''}`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><header>${nav}</header><main data-state="ready"><h1>${esc(title)}</h1>${body}</main></body></html>`;
}
