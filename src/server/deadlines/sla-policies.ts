import { asc, eq } from 'drizzle-orm';
import { slaPolicies } from '../../domain/deadlines/deadlines.table';
import { pickPolicy, slaReading, withDefaults, type SlaPolicy, type SlaReading, type SubjectKind } from '../../domain/deadlines/sla';
import type { Executor } from '../db/store';
import { projectCache } from '../db/project-cache';

async function load(ex: Executor, projectId: string): Promise<SlaPolicy[]> {
  const rows = await ex.select().from(slaPolicies).where(eq(slaPolicies.projectId, projectId)).orderBy(asc(slaPolicies.sort));
  return withDefaults(
    rows.map((r) => ({
      subjectKind: r.subjectKind,
      class: r.class,
      level: r.level,
      dueMinutes: r.dueMinutes,
      warnBeforeMinutes: r.warnBeforeMinutes,
      ladder: r.ladder as SlaPolicy['ladder'],
      reclassAfterMinutes: r.reclassAfterMinutes,
    })),
  );
}

const cache = projectCache(load);

/**
 * A project's deadline policies of every subject kind (its own rows, the defaults for kinds it has none of).
 * They change rarely and every intake and every presented record reads them: kept for a minute per process.
 */
export function slaPoliciesOf(ex: Executor, storeKey: object, projectId: string): Promise<SlaPolicy[]> {
  return cache.get(ex, storeKey, projectId);
}

/** Drop a project's cached policies (after they change). */
export function invalidateSlaPolicies(storeKey: object, projectId: string): void {
  cache.invalidate(storeKey, projectId);
}

/** The policies of several projects at once, for presenting a list. */
export async function slaPoliciesByProject(ex: Executor, storeKey: object, projectIds: Iterable<string>): Promise<Map<string, SlaPolicy[]>> {
  const out = new Map<string, SlaPolicy[]>();
  for (const id of new Set(projectIds)) out.set(id, await slaPoliciesOf(ex, storeKey, id));
  return out;
}

/** One record's SLA reading from its project's policies: what every presenter sends. */
export function readingOf(
  policies: readonly SlaPolicy[] | undefined,
  subjectKind: SubjectKind,
  rec: { dueAt: Date | null; class: string | null; level: string | null },
  now: Date,
  done: boolean,
): SlaReading {
  return slaReading(rec.dueAt, pickPolicy(policies ?? [], subjectKind, rec.class, rec.level), now, done);
}
