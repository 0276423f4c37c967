/**
 * recordCall's transaction for an inquiry, statement for statement, in raw SQL through the driver — and
 * two reshaped versions of it — so the bench can say how much of a create's cost is the shape of its
 * transaction (and what a different shape would give) rather than Fastify, zod or drizzle:
 *   R0  as the app does it: reads; day-counter upsert (row lock held to COMMIT); insert call; insert event;
 *       audit chain (global advisory lock, read head, nextval, insert)
 *   R2  the same work with the serial part moved last: insert call (provisional number), event, audit row
 *       unchained (a background chainer would link it); then ONE statement takes the day counter and sets
 *       the number; COMMIT. Numbers stay gapless; only that statement and COMMIT are serial.
 *   R3  no serial part: the number from a sequence (gaps on rollback), the audit row unchained.
 *   R4  two statements, no BEGIN/COMMIT: one read (idempotency, household, unit, district, category; the
 *       project's warranty terms and SLA policies cached in memory) and one writable CTE that takes the
 *       day counter and inserts the call, its event and the (unchained) audit row — atomic as one statement.
 *   R5  R4 with the number from a sequence: two statements, no numbering lock.
 * Every shape inserts into call_records, so each also pays the table's own triggers (the per-day subtotals
 * of migration 0003, one summary row per day, district, class and status, locked until COMMIT).
 */
import { chainHash, GENESIS_HASH, type AuditFields } from '../../src/server/audit/audit-chain';
import type { IntakeFixture } from './intake';
import type { RawDriver, RawQuery } from './raw';

export type ReplicaShape = 'R0' | 'R2' | 'R3' | 'R4' | 'R5';
export const REPLICA_LABEL: Record<ReplicaShape, string> = {
  R0: "R0 raw replica of recordCall's transaction (15 statements, serial from the day counter to COMMIT)",
  R2: 'R2 same work, day counter taken last in one statement, audit row chained later',
  R3: 'R3 same work, number from a sequence, audit row chained later (no numbering or audit lock)',
  R4: 'R4 two statements: one read + one writable CTE (day counter, call, event, audit row chained later)',
  R5: 'R5 as R4 but the number from a sequence (two statements, no numbering lock)',
};

const INSERT_CALL = `INSERT INTO call_records (project_id, number, received_at, channel, household_id, unit_id, district_id, caller_name, caller_phone,
  content, category_id, urgency, class, proposed_class, class_reason, recorded_by, due_at, idempotency_key, status)
  VALUES ($1, $2, $3, 'phone', $4, $5, $6, '张伟明', '13812345678', '咨询物业费缴纳方式', $7, 'normal', 'inquiry', 'inquiry', '咨询类，当场解答', $8, NULL, $9, 'open') RETURNING *`;
const COUNTER = `INSERT INTO number_counters (project_id, kind, day, last) VALUES ($1, 'call', $2, 1)
  ON CONFLICT (project_id, kind, day) DO UPDATE SET last = number_counters.last + 1 RETURNING last`;
const AUDIT = `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, project_id, subject, detail, ip, prev_hash, hash)
  VALUES (COALESCE($1::bigint, nextval(pg_get_serial_sequence('audit_log', 'seq'))), $2, $3, $4, $5, $6, $7, $8, NULL, $9, '127.0.0.1', $10, $11)`;
export const SEQUENCE_SETUP = 'CREATE SEQUENCE IF NOT EXISTS bench_call_number_seq START 100000';

let n = 0;
const runId = `${process.pid}-${Date.now().toString(36)}`;
const day = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function reads(q: RawQuery, f: IntakeFixture, h: IntakeFixture['households'][number], key: string): Promise<void> {
  await q('SELECT id FROM call_records WHERE project_id = $1 AND idempotency_key = $2', [f.projectId, key]);
  await q('SELECT unit_id, project_id FROM households WHERE id = $1', [h.id]);
  await q('SELECT u.id, u.code, u.handover_date, b.district_id, u.building_id, u.project_id FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = $1', [h.unitId]);
  await q('SELECT * FROM service_categories WHERE id = $1', [f.categories.inquiry]);
  await q('SELECT category, months FROM warranty_terms WHERE project_id = $1', [f.projectId]);
  await q('SELECT * FROM sla_policies WHERE project_id = $1 ORDER BY sort', [f.projectId]);
}

async function audit(q: RawQuery, f: IntakeFixture, callId: string, number: string, chained: boolean): Promise<void> {
  let prev = 'pending';
  let seq: number | null = null;
  if (chained) {
    await q('SELECT pg_advisory_xact_lock(727202)');
    const head = await q('SELECT hash, seq FROM audit_log ORDER BY seq DESC LIMIT 1');
    prev = head.rows[0] ? String(head.rows[0].hash) : GENESIS_HASH;
    seq = Number((await q(`SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`)).rows[0].seq);
  }
  const fields: AuditFields = { seq: seq ?? 0, at: new Date().toISOString(), actorId: f.agentId, actorName: 'bench_desk_001', action: 'call.create', entity: 'call', entityId: callId, projectId: f.projectId, subject: null, detail: { number, class: 'inquiry' }, ip: '127.0.0.1' };
  await q(AUDIT, [seq, fields.at, f.agentId, fields.actorName, fields.action, 'call', callId, f.projectId, JSON.stringify(fields.detail), prev, chainHash(prev, fields)]);
}

const event = (q: RawQuery, f: IntakeFixture, callId: string) =>
  q(`INSERT INTO call_events (call_id, project_id, at, actor_id, type, detail) VALUES ($1, $2, now(), $3, 'recorded', $4)`, [callId, f.projectId, f.agentId, JSON.stringify({ class: 'inquiry', proposed: 'inquiry' })]);

const READ_ONE = `SELECT (SELECT id FROM call_records WHERE project_id = $1 AND idempotency_key = $2) AS dupe, h.unit_id, u.code, u.handover_date, b.district_id, c.kind, c.vendor_category
  FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id CROSS JOIN service_categories c WHERE h.id = $3 AND c.id = $4`;
const SEQUENCE_NUMBER = `SELECT nextval('bench_call_number_seq') AS last`;
const writeOne = (numbering: string) => `WITH n AS (${numbering}),
  c AS (INSERT INTO call_records (project_id, number, received_at, channel, household_id, unit_id, district_id, caller_name, caller_phone, content, category_id,
          urgency, class, proposed_class, class_reason, recorded_by, due_at, idempotency_key, status)
        SELECT $1::uuid, 'LD' || replace($2::text, '-', '') || '-' || lpad(n.last::text, greatest(4, length(n.last::text)), '0'), $3::timestamptz, 'phone', $4::uuid, $5::uuid, $6::uuid, '张伟明', '13812345678',
          '咨询物业费缴纳方式', $7::uuid, 'normal', 'inquiry', 'inquiry', '咨询类，当场解答', $8::uuid, NULL, $9::text, 'open' FROM n RETURNING *),
  e AS (INSERT INTO call_events (call_id, project_id, at, actor_id, type, detail) SELECT c.id, c.project_id, c.received_at, $8, 'recorded', '{"class":"inquiry","proposed":"inquiry"}' FROM c),
  a AS (INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, project_id, detail, ip, prev_hash, hash)
        SELECT c.received_at, $8, 'bench_desk_001', 'call.create', 'call', c.id::text, c.project_id, jsonb_build_object('number', c.number, 'class', c.class), '127.0.0.1', 'pending', md5(c.id::text) FROM c)
  SELECT * FROM c`;
const WRITE_ONE = writeOne(COUNTER);
// $2 (the day) is still used for the number's prefix; the sequence needs no parameter.
const WRITE_ONE_SEQ = writeOne(`${SEQUENCE_NUMBER} WHERE $1::uuid IS NOT NULL AND $2::date IS NOT NULL`);

/** One create in the given shape, in its own transaction. */
export function replicaCreate(raw: RawDriver, f: IntakeFixture, shape: ReplicaShape): () => Promise<unknown> {
  if (shape === 'R4' || shape === 'R5')
    return async () => {
      const i = ++n;
      const h = f.households[i % f.households.length];
      const key = `r-${runId}-${i}`;
      const [ctx] = (await raw.query(READ_ONE, [f.projectId, key, h.id, f.categories.inquiry])).rows;
      if (!ctx || ctx.dupe) throw new Error('unexpected intake context');
      await raw.query(shape === 'R4' ? WRITE_ONE : WRITE_ONE_SEQ, [f.projectId, day(), new Date().toISOString(), h.id, ctx.unit_id, ctx.district_id, f.categories.inquiry, f.agentId, key]);
    };
  return () =>
    raw.transaction(async (q) => {
      const i = ++n;
      const h = f.households[i % f.households.length];
      const key = `r-${runId}-${i}`;
      const at = new Date().toISOString();
      await reads(q, f, h, key);
      const params = (number: string) => [f.projectId, number, at, h.id, h.unitId, h.districtId, f.categories.inquiry, f.agentId, key];
      if (shape === 'R0') {
        const last = Number((await q(COUNTER, [f.projectId, day()])).rows[0].last);
        const number = `LD${day().replaceAll('-', '')}-${String(last).padStart(4, '0')}`;
        const call = (await q(INSERT_CALL, params(number))).rows[0];
        await event(q, f, String(call.id));
        await audit(q, f, String(call.id), number, true);
      } else if (shape === 'R2') {
        const call = (await q(INSERT_CALL, params(`tmp-${key}`))).rows[0];
        await event(q, f, String(call.id));
        await audit(q, f, String(call.id), '', false);
        await q(
          `WITH n AS (${COUNTER}) UPDATE call_records SET number = 'LD' || replace($2::text, '-', '') || '-' || lpad(n.last::text, greatest(4, length(n.last::text)), '0') FROM n WHERE call_records.id = $3`,
          [f.projectId, day(), call.id],
        );
      } else {
        const number = String((await q(`SELECT 'LD' || replace($1, '-', '') || '-' || nextval('bench_call_number_seq') AS n`, [day()])).rows[0].n);
        const call = (await q(INSERT_CALL, params(number))).rows[0];
        await event(q, f, String(call.id));
        await audit(q, f, String(call.id), number, false);
      }
    });
}
