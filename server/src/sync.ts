// The office hosts' side of the server: enrol, push, pull, health, files by hash.
import { createGunzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EnrolRequest, PushBatch, type PullPage } from '../../common/sync/protocol';
import { applyBatch } from './apply';
import { checkDeviceToken, newToken, normaliseCode, sha256, type DeviceAuth } from './auth';
import type { Db } from './db';

const PULL_PAGE = 500;

export function registerSyncRoutes(app: FastifyInstance, db: Db, now: () => Date): void {
  const { pool } = db;
  // Hosts send gzip bodies: a throttled office link carries many more ops.
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (req.headers['content-encoding'] !== 'gzip') return payload;
    // The length checked is the unzipped one, which the header does not give.
    delete req.headers['content-length'];
    return payload.pipe(createGunzip());
  });

  async function device(req: FastifyRequest, reply: FastifyReply): Promise<DeviceAuth | null> {
    const check = await checkDeviceToken(pool, req.headers.authorization);
    if (check.ok) return check.device;
    await reply.code(401).send({ code: check.code, message: check.message });
    return null;
  }

  app.get('/sync/health', async () => {
    await pool.query('SELECT 1');
    return { ok: true };
  });

  app.post('/sync/enrol', async (req, reply) => {
    const body = EnrolRequest.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ code: 'BAD_BATCH', message: 'Permintaan pendaftaran tidak valid.' });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ office_id: string; name: string }>(
        `UPDATE enrol_codes c SET used_at = now() FROM offices o
         WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now() AND o.id = c.office_id
         RETURNING c.office_id, o.name`,
        [sha256(normaliseCode(body.data.code))],
      );
      const office = rows[0];
      if (!office) {
        await client.query('ROLLBACK');
        return reply.code(400).send({ code: 'BAD_CODE', message: 'Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada admin server pusat.' });
      }
      const token = newToken();
      // The same database file enrolling again (a new code after a revocation) keeps its device id.
      await client.query(
        `INSERT INTO devices (id, office_id, name, token_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, token_hash = excluded.token_hash, revoked_at = NULL`,
        [body.data.deviceId, office.office_id, body.data.deviceName, sha256(token)],
      );
      await client.query('COMMIT');
      return { token, officeId: office.office_id, officeName: office.name };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });

  app.post('/sync/push', { bodyLimit: 32 * 1024 * 1024 }, async (req, reply) => {
    const auth = await device(req, reply);
    if (!auth) return;
    const batch = PushBatch.safeParse(req.body);
    if (!batch.success) return reply.code(400).send({ code: 'BAD_BATCH', message: 'Kiriman sinkronisasi tidak valid.' });
    if (batch.data.deviceId !== auth.deviceId) return reply.code(401).send({ code: 'UNAUTHENTICATED', message: 'Token ini milik komputer lain.' });
    const client = await pool.connect();
    try {
      return await applyBatch(client, { officeId: auth.officeId, deviceId: auth.deviceId, backlog: batch.data.backlog, now: now() }, batch.data.ops);
    } finally {
      client.release();
    }
  });

  // Pages of changes go back gzipped when the host accepts it (Node's fetch always does): on a
  // 256 kbit/s link a 19,000-op catch-up downloads its own changes again, ~8× smaller this way.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/sync/pull') || typeof payload !== 'string' || payload.length < 1024) return payload;
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return payload;
    reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    return gzipSync(payload, { level: 6 });
  });

  app.get('/sync/pull', async (req, reply): Promise<PullPage | undefined> => {
    const auth = await device(req, reply);
    if (!auth) return;
    const after = Math.max(0, Number((req.query as { after?: string }).after ?? 0) || 0);
    const { rows } = await pool.query<{ server_seq: number; table_name: string; record_id: string; data: Record<string, unknown> }>(
      'SELECT server_seq, table_name, record_id, data FROM changes WHERE office_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3',
      [auth.officeId, after, PULL_PAGE + 1],
    );
    const page = rows.slice(0, PULL_PAGE);
    return {
      changes: page.map((r) => ({ serverSeq: r.server_seq, table: r.table_name, recordId: r.record_id, data: r.data })),
      next: page.at(-1)?.server_seq ?? after,
      more: rows.length > PULL_PAGE,
    };
  });

  /** Which of these content hashes the server lacks: only those are then sent. */
  app.post('/sync/files/missing', async (req, reply) => {
    const auth = await device(req, reply);
    if (!auth) return;
    const hashes = ((req.body as { hashes?: unknown }).hashes ?? []) as string[];
    const list = hashes.filter((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).slice(0, 1000);
    const { rows } = await pool.query<{ sha256: string }>('SELECT sha256 FROM files WHERE sha256 = ANY($1::text[])', [list]);
    const have = new Set(rows.map((r) => r.sha256));
    return { missing: list.filter((h) => !have.has(h)) };
  });

  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.put('/sync/files/:hash', async (req, reply) => {
    const auth = await device(req, reply);
    if (!auth) return;
    const { hash } = req.params as { hash: string };
    const body = req.body as Buffer;
    const { createHash } = await import('node:crypto');
    if (createHash('sha256').update(body).digest('hex') !== hash) return reply.code(400).send({ code: 'BAD_FILE', message: 'Isi berkas tidak sesuai dengan hash-nya.' });
    await pool.query('INSERT INTO files (sha256, office_id, size, content) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [hash, auth.officeId, body.length, body]);
    return { ok: true };
  });
}
