/**
 * What the create-call scenario sends and what its baselines insert: the same call_records row, from a
 * household of the register, with an idempotency key per request.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows, type Store } from '../../src/server/db/store';
import type { AutocannonRequest } from 'autocannon';
import type { DeskIds } from '../data/desk-seed';
import type { RawDriver } from './raw';

export interface IntakeFixture {
  projectId: string;
  agentId: string;
  households: { id: string; unitId: string; districtId: string }[];
  categories: { inquiry: string; broadband: string };
}

export type IntakeKind = 'inquiry' | 'broadband';
export const INTAKE_CONTENT: Record<IntakeKind, string> = { inquiry: '咨询物业费缴纳方式', broadband: '宽带无法上网，光猫红灯闪烁，请尽快处理' };

export async function intakeFixture(store: Store, ids: DeskIds, count = 50): Promise<IntakeFixture> {
  const hs = await rows<{ id: string; unit_id: string; district_id: string }>(
    store.db,
    sql`SELECT h.id, h.unit_id, b.district_id FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id
        WHERE h.project_id = ${ids.projectId} ORDER BY h.id LIMIT ${count}`,
  );
  return {
    projectId: ids.projectId,
    agentId: ids.agents[0].id,
    households: hs.map((h) => ({ id: h.id, unitId: h.unit_id, districtId: h.district_id })),
    categories: { inquiry: ids.categories.inquiry, broadband: ids.categories.broadband },
  };
}

/** POST /api/calls bodies cycled by every connection; autocannon fills [<id>] with a fresh id each time. */
export function intakeRequests(f: IntakeFixture, kind: IntakeKind): AutocannonRequest[] {
  return f.households.map((h) => ({
    method: 'POST',
    path: '/api/calls',
    body: JSON.stringify({
      projectId: f.projectId,
      householdId: h.id,
      categoryId: f.categories[kind],
      channel: 'phone',
      callerName: '张伟明',
      callerPhone: '13812345678',
      content: INTAKE_CONTENT[kind],
      urgency: 'normal',
      idempotencyKey: 'bench-[<id>]',
    }),
  }));
}

/** The row the app writes for an inquiry, as one INSERT … RETURNING * (the app also returns the row). */
export const B1_SQL = `INSERT INTO call_records (project_id, number, received_at, channel, household_id, unit_id, district_id, caller_name, caller_phone,
  content, category_id, urgency, class, proposed_class, class_reason, recorded_by, due_at, idempotency_key, status)
  VALUES ($1, $2, $3, 'phone', $4, $5, $6, $7, $8, $9, $10, 'normal', 'inquiry', 'inquiry', '咨询类，当场解答', $11, NULL, $12, 'open') RETURNING *`;

let seq = 0;
const runId = `${process.pid}-${Date.now().toString(36)}`;

export function b1Params(f: IntakeFixture, body: { householdId?: string; callerName?: string; callerPhone?: string; content?: string; idempotencyKey?: string }): unknown[] {
  const n = ++seq;
  const h = f.households.find((x) => x.id === body.householdId) ?? f.households[n % f.households.length];
  return [
    f.projectId, `B${runId}-${n}`, new Date().toISOString(), h.id, h.unitId, h.districtId, body.callerName ?? '张伟明', body.callerPhone ?? '13812345678',
    body.content ?? INTAKE_CONTENT.inquiry, f.categories.inquiry, f.agentId, body.idempotencyKey ?? `b1-${runId}-${n}`,
  ];
}

/** B1: the insert alone, through the raw driver. */
export const b1Insert = (raw: RawDriver, f: IntakeFixture) => () => raw.query(B1_SQL, b1Params(f, {}));

/** B2: a bare Fastify route (same path and body as the app) doing B1's insert with what the body says. */
export function createB2App(raw: RawDriver, f: IntakeFixture): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post('/api/calls', async (req, reply) => {
    const body = req.body as Record<string, string>;
    const r = await raw.query(B1_SQL, b1Params(f, body));
    return reply.status(201).send(r.rows[0]);
  });
  return app;
}
