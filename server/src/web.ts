// The central pages (server-rendered HTML, no script except the verification page's hash check)
// and the admin JSON API the pages' forms and the tests use. Roles: admin manages offices and
// codes; pusat reads across offices; kantor reads its own office only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { checkPassword, newEnrolCode, newToken, normaliseCode, sha256, type WebUser } from './auth';
import type { Db } from './db';
import { page, table, esc, initials } from './html';
import { LETTER_STATUSES, LETTER_STATUS_LABELS } from '../../common/domain/letterFlow';

const SESSION_COOKIE = 'loket_pusat';

export function registerWebRoutes(app: FastifyInstance, db: Db): void {
  const { pool } = db;

  async function userOf(req: FastifyRequest): Promise<WebUser | null> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    const { rows } = await pool.query<{ id: string; username: string; role: WebUser['role']; office_id: string | null }>(
      'SELECT u.id, u.username, u.role, u.office_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > now()',
      [sha256(token)],
    );
    const r = rows[0];
    return r ? { id: r.id, username: r.username, role: r.role, officeId: r.office_id } : null;
  }
  async function need(req: FastifyRequest, reply: FastifyReply, ...roles: WebUser['role'][]): Promise<WebUser | null> {
    const user = await userOf(req);
    if (!user) {
      if (req.url.startsWith('/api/')) await reply.code(401).send({ message: 'Silakan masuk.' });
      else await reply.redirect('/login');
      return null;
    }
    if (roles.length > 0 && !roles.includes(user.role)) {
      await reply.code(403).send({ message: 'Peran Anda tidak boleh membuka ini.' });
      return null;
    }
    return user;
  }
  /** The office filter a user may read: all for admin/pusat, only its own for kantor. */
  const scope = (user: WebUser, asked?: string) => (user.role === 'kantor' ? user.officeId : asked || null);

  app.get('/login', async (_req, reply) => reply.type('text/html').send(page('Masuk', `
    <form method="post" action="/login" class="card narrow" data-testid="login">
      <label>Nama pengguna <input name="username" autocomplete="username" required></label>
      <label>Kata sandi <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Masuk</button>
    </form>`)));
  app.post('/login', async (req, reply) => {
    const { username, password } = req.body as { username?: string; password?: string };
    const { rows } = await pool.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1', [username ?? '']);
    const row = rows[0];
    if (!row || !checkPassword(password ?? '', row.password_hash))
      return reply.code(401).type('text/html').send(page('Masuk', '<p class="error" role="alert">Nama pengguna atau kata sandi salah.</p><p><a href="/login">Coba lagi</a></p>'));
    const token = newToken();
    await pool.query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '12 hours')", [sha256(token), row.id]);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
    if ((req.headers.accept ?? '').includes('application/json')) return { ok: true };
    return reply.redirect('/offices');
  });
  app.get('/', async (_req, reply) => reply.redirect('/offices'));

  async function officeRows(user: WebUser) {
    const officeId = scope(user);
    const { rows } = await pool.query<{ id: string; name: string; kab_kota: string; province: string; last_sync_at: Date | null; backlog: number | null; devices: number; revoked: number; records: number }>(
      `SELECT o.id, o.name, o.kab_kota, o.province, max(d.last_sync_at) AS last_sync_at, sum(d.backlog)::int AS backlog,
              count(d.id) FILTER (WHERE d.revoked_at IS NULL)::int AS devices, count(d.id) FILTER (WHERE d.revoked_at IS NOT NULL)::int AS revoked,
              (SELECT count(*)::int FROM records r WHERE r.office_id = o.id) AS records
       FROM offices o LEFT JOIN devices d ON d.office_id = o.id
       WHERE ($1::text IS NULL OR o.id = $1) GROUP BY o.id ORDER BY o.province, o.kab_kota, o.name`,
      [officeId],
    );
    return rows;
  }

  app.get('/api/offices', async (req, reply) => {
    const user = await need(req, reply);
    if (!user) return;
    return officeRows(user);
  });
  app.post('/api/offices', async (req, reply) => {
    if (!(await need(req, reply, 'admin'))) return;
    const { name, kabKota, province } = req.body as { name?: string; kabKota?: string; province?: string };
    if (!name?.trim()) return reply.code(400).send({ message: 'Nama kantor wajib diisi.' });
    const id = randomUUID();
    await pool.query('INSERT INTO offices (id, name, kab_kota, province) VALUES ($1, $2, $3, $4)', [id, name.trim(), kabKota ?? '', province ?? '']);
    if (!(req.headers.accept ?? '').includes('application/json')) return reply.redirect('/offices');
    return { id };
  });
  app.post('/api/offices/:id/codes', async (req, reply) => {
    if (!(await need(req, reply, 'admin'))) return;
    const { id } = req.params as { id: string };
    const code = newEnrolCode();
    await pool.query("INSERT INTO enrol_codes (code_hash, office_id, expires_at) VALUES ($1, $2, now() + interval '7 days')", [sha256(normaliseCode(code)), id]);
    if (!(req.headers.accept ?? '').includes('application/json'))
      return reply.type('text/html').send(page('Kode pendaftaran', `<p>Kode sekali pakai untuk kantor ini (berlaku 7 hari):</p><p class="code" data-testid="enrol-code">${esc(code)}</p><p><a href="/offices">Kembali</a></p>`));
    return { code };
  });
  app.post('/api/offices/:id/revoke', async (req, reply) => {
    if (!(await need(req, reply, 'admin'))) return;
    const { id } = req.params as { id: string };
    const { rowCount } = await pool.query('UPDATE devices SET revoked_at = now() WHERE office_id = $1 AND revoked_at IS NULL', [id]);
    if (!(req.headers.accept ?? '').includes('application/json')) return reply.redirect('/offices');
    return { revoked: rowCount };
  });
  app.post('/api/users', async (req, reply) => {
    if (!(await need(req, reply, 'admin'))) return;
    const { username, password, role, officeId } = req.body as { username: string; password: string; role: WebUser['role']; officeId?: string };
    const { hashPassword } = await import('./auth');
    await pool.query('INSERT INTO users (id, username, password_hash, role, office_id) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), username, hashPassword(password), role, officeId ?? null]);
    return { ok: true };
  });

  app.get('/offices', async (req, reply) => {
    const user = await need(req, reply);
    if (!user) return;
    const rows = await officeRows(user);
    const admin = user.role === 'admin';
    const body = table(
      ['Kantor', 'Kab/Kota', 'Provinsi', 'Sinkron terakhir', 'Menunggu', 'Komputer', 'Rekaman', ...(admin ? ['Tindakan'] : [])],
      rows.map((r) => [
        esc(r.name), esc(r.kab_kota), esc(r.province),
        r.last_sync_at ? esc(r.last_sync_at.toISOString().replace('T', ' ').slice(0, 16)) + ' UTC' : '<span class="muted">belum pernah</span>',
        String(r.backlog ?? 0), `${r.devices}${r.revoked ? ` <span class="muted">(${r.revoked} dicabut)</span>` : ''}`, String(r.records),
        ...(admin ? [`<form method="post" action="/api/offices/${esc(r.id)}/codes"><button>Buat kode</button></form>
           <form method="post" action="/api/offices/${esc(r.id)}/revoke"><button class="danger">Cabut</button></form>`] : []),
      ]),
      'offices',
    );
    const create = admin ? `<form method="post" action="/api/offices" class="card inline"><strong>Tambah kantor</strong>
      <input name="name" placeholder="Nama kantor" required><input name="kabKota" placeholder="Kab/Kota"><input name="province" placeholder="Provinsi"><button>Tambah</button></form>` : '';
    return reply.type('text/html').send(page('Kantor', `${create}${body}`, user));
  });

  async function registerRows(user: WebUser, q: Record<string, string | undefined>, limit: number) {
    const { rows } = await pool.query<{ office: string; data: Record<string, unknown> }>(
      `SELECT o.name AS office, r.data FROM records r JOIN offices o ON o.id = r.office_id
       WHERE r.table_name = 'letters' AND NOT r.deleted
         AND ($1::text IS NULL OR r.office_id = $1)
         AND ($2::text IS NULL OR r.data->>'status' = $2)
         AND ($3::text IS NULL OR r.data->>'day' >= $3) AND ($4::text IS NULL OR r.data->>'day' <= $4)
         AND ($5::text IS NULL OR r.data->>'hospital_name' ILIKE '%' || $5 || '%')
         AND ($6::text IS NULL OR r.data->>'patient_name' ILIKE '%' || $6 || '%' OR r.data->>'number' ILIKE '%' || $6 || '%')
       ORDER BY r.data->>'day' DESC, r.record_id DESC LIMIT $7`,
      [scope(user, q.office), q.status || null, q.from || null, q.to || null, q.hospital || null, q.q || null, limit],
    );
    return rows;
  }
  const maskNik = (nik: unknown) => (typeof nik === 'string' && nik.length >= 8 ? `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}` : '');

  app.get('/register', async (req, reply) => {
    const user = await need(req, reply);
    if (!user) return;
    const q = req.query as Record<string, string | undefined>;
    const rows = await registerRows(user, q, 500);
    const offices = user.role === 'kantor' ? [] : (await pool.query<{ id: string; name: string }>('SELECT id, name FROM offices ORDER BY name')).rows;
    const filters = `<form method="get" class="card inline" data-testid="register-filters">
      ${offices.length ? `<select name="office" aria-label="Kantor"><option value="">Semua kantor</option>${offices.map((o) => `<option value="${esc(o.id)}"${q.office === o.id ? ' selected' : ''}>${esc(o.name)}</option>`).join('')}</select>` : ''}
      <input name="from" type="date" value="${esc(q.from ?? '')}" aria-label="Dari"><input name="to" type="date" value="${esc(q.to ?? '')}" aria-label="Sampai">
      <input name="hospital" placeholder="Rumah sakit" aria-label="Rumah sakit" value="${esc(q.hospital ?? '')}">
      <select name="status" aria-label="Status"><option value="">Semua status</option>${LETTER_STATUSES.map((st) => `<option value="${st}"${q.status === st ? ' selected' : ''}>${esc(LETTER_STATUS_LABELS[st])}</option>`).join('')}</select>
      <input name="q" placeholder="Nama / nomor" aria-label="Nama / nomor" value="${esc(q.q ?? '')}"><button>Saring</button>
      <a class="button" href="/register.xlsx?${new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString()}">Unduh Excel</a></form>`;
    const body = table(
      ['Kantor', 'Tanggal', 'Nomor', 'Pasien', 'NIK', 'Rumah sakit', 'Status', 'Petugas'],
      rows.map((r) => [esc(r.office), esc(r.data.day), esc(r.data.number ?? '—'), esc(r.data.patient_name), esc(maskNik(r.data.nik)), esc(r.data.hospital_name), esc(statusWords(r.data.status)), esc(r.data.officer_name)]),
      'register',
    );
    return reply.type('text/html').send(page('Register lintas kantor', `${filters}<p class="muted">${rows.length} baris</p>${body}`, user));
  });

  app.get('/register.xlsx', async (req, reply) => {
    const user = await need(req, reply);
    if (!user) return;
    const rows = await registerRows(user, req.query as Record<string, string | undefined>, 100_000);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.columns = ['Kantor', 'Tanggal', 'Nomor', 'Pasien', 'NIK', 'Rumah sakit', 'Status', 'Petugas'].map((header) => ({ header, width: 22 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) ws.addRow([r.office, r.data.day, r.data.number ?? '', r.data.patient_name, maskNik(r.data.nik), r.data.hospital_name, statusWords(r.data.status), r.data.officer_name]);
    ws.autoFilter = { from: 'A1', to: 'H1' };
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply.header('content-disposition', 'attachment; filename="register-pusat.xlsx"').type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });

  app.get('/recap', async (req, reply) => {
    const user = await need(req, reply);
    if (!user) return;
    const month = (req.query as { month?: string }).month ?? new Date().toISOString().slice(0, 7);
    const { rows } = await pool.query<{ office: string; total: number; done: number; cancelled: number }>(
      `SELECT o.name AS office, count(*)::int AS total,
              count(*) FILTER (WHERE r.data->>'status' = 'diserahkan')::int AS done, count(*) FILTER (WHERE r.data->>'status' = 'batal')::int AS cancelled
       FROM records r JOIN offices o ON o.id = r.office_id
       WHERE r.table_name = 'letters' AND NOT r.deleted AND left(r.data->>'day', 7) = $1 AND ($2::text IS NULL OR r.office_id = $2)
       GROUP BY o.name ORDER BY o.name`,
      [month, scope(user)],
    );
    const form = `<form method="get" class="card inline"><input name="month" type="month" value="${esc(month)}" aria-label="Bulan"><button>Tampilkan</button></form>`;
    return reply.type('text/html').send(page(`Rekap bulanan ${esc(month)}`, form + table(['Kantor', 'Pengajuan', 'Diserahkan', 'Batal'], rows.map((r) => [esc(r.office), String(r.total), String(r.done), String(r.cancelled)]), 'recap'), user));
  });

  // Public: reached by the QR code on a letter. Shows only what proves the letter, nothing more.
  const verifyLimit = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };
  async function letterByToken(token: string) {
    const { rows } = await pool.query<{ data: Record<string, unknown>; office: string }>(
      `SELECT r.data, o.name AS office FROM records r JOIN offices o ON o.id = r.office_id
       WHERE r.table_name = 'letters' AND r.data->>'verify_token' = $1 LIMIT 1`,
      [token],
    );
    return rows[0];
  }
  app.get('/verify/:token', verifyLimit, async (req, reply) => {
    const { token } = req.params as { token: string };
    const found = await letterByToken(token);
    if (!found) return reply.code(404).type('text/html').send(page('Verifikasi surat', '<p class="error" data-testid="verify-result" data-state="unknown">Surat tidak ditemukan di server pusat. Surat mungkin palsu, atau kantor penerbit belum tersinkron.</p>', null, true));
    const d = found.data;
    const cancelled = d.status === 'batal';
    const valid = !cancelled && typeof d.number === 'string';
    const rows: [string, string][] = [
      ['Nomor', esc(d.number ?? '—')],
      ['Tanggal', esc(longDay(String(d.signed_at ?? d.day ?? '').slice(0, 10)))],
      ['Rumah sakit', esc(d.hospital_name)],
      ['Pasien', esc(initials(String(d.patient_name ?? '')))],
      ['Penandatangan', esc(signerOf(d))],
      ['Diterbitkan oleh', esc(found.office)],
    ];
    const state = cancelled ? 'batal' : valid ? 'valid' : 'unknown';
    const verdict = cancelled ? '<p class="verdict bad">BATAL — surat ini telah dibatalkan.</p>' : valid ? '<p class="verdict ok">SAH — surat ini tercatat di server pusat.</p>' : '<p class="verdict bad">Belum ditandatangani.</p>';
    const drop = `<div class="card drop" id="drop" data-token="${esc(token)}" data-testid="pdf-drop">Seret berkas PDF surat ke sini (atau <label class="link">pilih berkas<input type="file" id="pdf" accept="application/pdf" hidden></label>) untuk memeriksa apakah isinya sama dengan surat asli.</div>
      <p id="hash-result" data-testid="hash-result" role="status"></p><script src="/static/verify.js"></script>`;
    return reply.type('text/html').send(page('Verifikasi surat', `<div data-testid="verify-result" data-state="${state}">${verdict}<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>${drop}`, null, true));
  });
  app.post('/verify/:token/hash', verifyLimit, async (req) => {
    const { token } = req.params as { token: string };
    const { sha256: hash } = req.body as { sha256?: string };
    const found = await letterByToken(token);
    return { match: Boolean(found && typeof hash === 'string' && found.data.pdf_sha256 === hash.toLowerCase()) };
  });
  app.get('/static/verify.js', async (_req, reply) => reply.type('text/javascript').send(VERIFY_JS));
}

/** The signer as the letter shows them ("a.n. KEPALA DINAS …, SEKRETARIS — SRI WAHYUNI"), from the signature block the host synced; never a user id. */
function signerOf(d: Record<string, unknown>): string {
  const block = signatureBlock(d.signature);
  if (block && typeof block.name === 'string') {
    const heading = Array.isArray(block.heading) ? block.heading.filter((h): h is string => typeof h === 'string').join(', ') : '';
    return heading ? `${block.name} (${heading})` : block.name;
  }
  return typeof d.signer_name === 'string' ? d.signer_name : '—';
}
type SignatureBlockLike = { heading?: unknown; name?: unknown };
function signatureBlock(v: unknown): SignatureBlockLike | null {
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as SignatureBlockLike;
    } catch {
      return null;
    }
  }
  return typeof v === 'object' && v !== null ? (v as SignatureBlockLike) : null;
}

const statusWords = (status: unknown) => (typeof status === 'string' && status in LETTER_STATUS_LABELS ? LETTER_STATUS_LABELS[status as keyof typeof LETTER_STATUS_LABELS] : String(status ?? ''));
/** "2026-11-20" → "20 November 2026", as a letter states its date. */
const longDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : day;

const VERIFY_JS = `(() => {
  const drop = document.getElementById('drop'); const input = document.getElementById('pdf'); const out = document.getElementById('hash-result');
  async function check(file) {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const res = await fetch(location.pathname + '/hash', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sha256: hex }) });
    const { match } = await res.json();
    out.dataset.state = match ? 'match' : 'mismatch';
    out.textContent = match ? 'Berkas PDF ini SAMA dengan surat asli.' : 'Berkas PDF ini BERBEDA dari surat asli (mungkin diubah).';
  }
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]); });
  input.addEventListener('change', () => { if (input.files[0]) check(input.files[0]); });
})();`;
