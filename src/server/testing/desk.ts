import { sql } from 'drizzle-orm';
import type { TestApp } from './harness';
import { Client } from './harness';
import { rows } from '../db/store';

/** Helpers for service-desk tests: ids of demo records and a one-line call intake. */
export async function deskFixture(t: TestApp) {
  const q = async <T>(text: ReturnType<typeof sql>) => (await rows<T>(t.store.db, text))[0];
  const cat = async (code: string) => (await q<{ id: string }>(sql`SELECT id FROM service_categories WHERE project_id = ${t.ids.p1} AND code = ${code}`)).id;
  const household = async (unit: string) => (await q<{ id: string }>(sql`SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id WHERE u.project_id = ${t.ids.p1} AND u.code = ${unit}`)).id;
  /** The n-th occupied unit of a building, for tests that need a household but not a particular one. */
  const someHousehold = async (building: string, n = 0) =>
    (await rows<{ id: string }>(t.store.db, sql`SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id WHERE u.project_id = ${t.ids.p1} AND u.code LIKE ${building + '-%'} ORDER BY u.code LIMIT 1 OFFSET ${n}`))[0].id;
  const user = async (username: string) => (await q<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`)).id;
  return { cat, household, someHousehold, user };
}

export async function recordCall(c: Client, t: TestApp, body: Record<string, unknown>) {
  const res = await c.post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', ...body });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`record call failed ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A 1×1 PNG, what the signature pad sends. */
export const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
