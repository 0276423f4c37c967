import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../domain/users/users.table';
import { verifyPassword } from './passwords';
import type { Db } from '../db/store';
import { DEMO_PASSWORD, DEMO_USERS } from '../../domain/users/demo-accounts';

/** The enabled demo accounts whose password is still the published demo password. */
export async function demoAccountsThatWork(db: Db): Promise<string[]> {
  const names = DEMO_USERS.map((u) => u.username);
  const found = await db.select({ username: users.username, passwordHash: users.passwordHash }).from(users).where(and(inArray(users.username, names), eq(users.disabled, false)));
  const ok = await Promise.all(found.map(async (u) => ((await verifyPassword(u.passwordHash, DEMO_PASSWORD)) ? u.username : null)));
  return ok.filter((n): n is string => n !== null);
}
