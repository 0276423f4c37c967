import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { archiveDocuments, archiveTemplates } from '../../domain/archives/archives.table';
import { archivePolicy } from '../../domain/archives/archives.policy';
import { ARCHIVE_DEPARTMENTS, DEFAULT_ARCHIVE_TEMPLATE, type ArchiveDepartment } from '../../domain/archives/departments';
import type { Completeness, DocumentRecord, HouseholdArchive, TemplateView } from '../../domain/archives/archives.contract';
import { buildings, districts, households, persons, units } from '../../domain/property/property.table';
import { registerPolicy } from '../../domain/property/property.policy';
import { maskName } from '../../domain/shared/mask';
import { users } from '../../domain/users/users.table';
import { can } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import { authorize } from '../core/authorize';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { badRequest, conflict, notFound } from '../core/errors';
import { presentScan, scansOf } from './scans.service';

type TemplateRow = typeof archiveTemplates.$inferSelect;

/** The manual's documents as a project's checklist template (seeded with each project; editable after). */
export async function installDefaultArchiveTemplate(ex: Executor, projectId: string): Promise<void> {
  await ex
    .insert(archiveTemplates)
    .values(DEFAULT_ARCHIVE_TEMPLATE.map((d, i) => ({ projectId, department: d.department, name: d.name, sort: i * 10 })))
    .onConflictDoNothing();
}

/** A project's checklist: its own template; a project made without one gets the manual's documents on first use. */
async function templatesOf(ex: Executor, projectId: string): Promise<TemplateRow[]> {
  const read = () => ex.select().from(archiveTemplates).where(eq(archiveTemplates.projectId, projectId)).orderBy(asc(archiveTemplates.sort), asc(archiveTemplates.name));
  const rows = await read();
  if (rows.length > 0) return rows;
  await installDefaultArchiveTemplate(ex, projectId);
  return read();
}

const presentTemplate = (r: TemplateRow): TemplateView => ({ id: r.id, department: r.department, name: r.name, sort: r.sort, active: r.active, version: r.version });

export async function listTemplates(ctx: AppContext, ra: RequestActor, projectId: string) {
  authorize(archivePolicy, ra.actor, 'read', { projectId });
  const rows = await templatesOf(ctx.store.db, projectId);
  return { items: rows.map(presentTemplate), canEdit: can(archivePolicy, ra.actor, 'editTemplate', { projectId }) };
}

export async function createTemplate(ctx: AppContext, ra: RequestActor, input: { projectId: string; department: ArchiveDepartment; name: string; sort?: number }): Promise<TemplateView> {
  authorize(archivePolicy, ra.actor, 'editTemplate', { projectId: input.projectId });
  return ctx.store.db.transaction(async (tx) => {
    const existing = await templatesOf(tx, input.projectId);
    if (existing.some((t) => t.name === input.name)) throw badRequest([{ path: 'body.name', message: '清单中已有同名文件' }], 'DUPLICATE');
    const sort = input.sort ?? Math.max(0, ...existing.map((t) => t.sort)) + 10;
    const [row] = await tx.insert(archiveTemplates).values({ projectId: input.projectId, department: input.department, name: input.name, sort }).returning();
    await appendAudit(tx, { actor: ra.actor, action: 'archive_template.create', entity: 'archive_template', entityId: row.id, projectId: input.projectId, ip: ra.ip, detail: { department: input.department, name: input.name } }, ctx.now());
    return presentTemplate(row);
  });
}

export async function updateTemplate(ctx: AppContext, ra: RequestActor, id: string, patch: { version: number; name?: string; active?: boolean; sort?: number }): Promise<TemplateView> {
  return ctx.store.db.transaction(async (tx) => {
    const [t] = await tx.select().from(archiveTemplates).where(eq(archiveTemplates.id, id));
    authorize(archivePolicy, ra.actor, 'editTemplate', t);
    const { version, ...changes } = patch;
    const [row] = await tx
      .update(archiveTemplates)
      .set({ ...changes, version: sql`${archiveTemplates.version} + 1` })
      .where(and(eq(archiveTemplates.id, id), eq(archiveTemplates.version, version)))
      .returning();
    if (!row) throw conflict({ current: { version: t.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'archive_template.update', entity: 'archive_template', entityId: id, projectId: t.projectId, ip: ra.ip, detail: { fields: Object.keys(changes) } }, ctx.now());
    return presentTemplate(row);
  });
}

async function findHousehold(ex: Executor, id: string) {
  const [h] = await ex.select({ id: households.id, projectId: households.projectId, unitCode: units.code }).from(households).innerJoin(units, eq(units.id, households.unitId)).where(eq(households.id, id));
  return h ?? null;
}

async function archiveOf(ex: Executor, ra: RequestActor, h: { id: string; projectId: string; unitCode: string }): Promise<HouseholdArchive> {
  const templates = (await templatesOf(ex, h.projectId)).filter((t) => t.active);
  const docs = await ex
    .select({ doc: archiveDocuments, receivedByName: users.displayName })
    .from(archiveDocuments)
    .leftJoin(users, eq(users.id, archiveDocuments.receivedBy))
    .where(eq(archiveDocuments.householdId, h.id));
  const byTemplate = new Map(docs.map((d) => [d.doc.templateId, d]));
  const scans = await scansOf(ex, docs.map((d) => d.doc.id));
  const departments = ARCHIVE_DEPARTMENTS.map((department) => {
    const documents = templates
      .filter((t) => t.department === department)
      .map((t) => {
        const d = byTemplate.get(t.id);
        return {
          templateId: t.id,
          scans: d ? scans.filter((s) => s.documentId === d.doc.id).map(presentScan) : [],
          name: t.name,
          status: d?.doc.status ?? ('missing' as const),
          handedOverBy: d?.doc.handedOverBy ?? null,
          handedOverOn: d?.doc.handedOverOn ?? null,
          receivedByName: d?.receivedByName ?? null,
          location: d?.doc.location ?? null,
          filedAt: d?.doc.filedAt?.toISOString() ?? null,
          note: d?.doc.note ?? null,
          version: d?.doc.version ?? null,
        };
      });
    return { department, documents, missing: documents.filter((d) => d.status !== 'received').map((d) => d.name) };
  });
  const people = await ex.select({ id: persons.id, name: persons.name, relation: persons.relation }).from(persons).where(eq(persons.householdId, h.id)).orderBy(asc(persons.relation), asc(persons.name));
  const full = can(registerPolicy, ra.actor, 'seeFullName', h);
  const members = people.map((p) => ({ id: p.id, name: full ? p.name : (maskName(p.name) ?? ''), relation: p.relation }));
  const received = departments.reduce((n, d) => n + d.documents.filter((x) => x.status === 'received').length, 0);
  return { householdId: h.id, projectId: h.projectId, unitCode: h.unitCode, complete: received === templates.length, received, expected: templates.length, departments, canRecord: can(archivePolicy, ra.actor, 'record', h), members };
}

export async function householdArchive(ctx: AppContext, ra: RequestActor, householdId: string): Promise<HouseholdArchive> {
  const h = await findHousehold(ctx.store.db, householdId);
  authorize(archivePolicy, ra.actor, 'read', h);
  return archiveOf(ctx.store.db, ra, h);
}

export async function archiveByUnit(ctx: AppContext, ra: RequestActor, projectId: string, unitCode: string): Promise<HouseholdArchive> {
  authorize(archivePolicy, ra.actor, 'read', { projectId });
  const [h] = await ctx.store.db
    .select({ id: households.id, projectId: households.projectId, unitCode: units.code })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(eq(units.projectId, projectId), eq(units.code, unitCode)))
    .limit(1);
  if (!h) throw notFound();
  return archiveOf(ctx.store.db, ra, h);
}

/** Records one document of a household's archive: received (from whom, when) or missing, and where the paper is filed. */
export async function recordDocument(ctx: AppContext, ra: RequestActor, householdId: string, templateId: string, input: DocumentRecord): Promise<HouseholdArchive> {
  return ctx.store.db.transaction(async (tx) => {
    const h = await findHousehold(tx, householdId);
    authorize(archivePolicy, ra.actor, 'record', h);
    const [t] = await tx.select().from(archiveTemplates).where(and(eq(archiveTemplates.id, templateId), eq(archiveTemplates.projectId, h.projectId)));
    if (!t) throw notFound();
    if (!t.active) throw badRequest([{ path: 'params.templateId', message: '该文件已不在档案清单中' }]);
    if (input.status === 'received') {
      if (!input.handedOverBy) throw badRequest([{ path: 'body.handedOverBy', message: '请填写移交人（部门及姓名）' }]);
      if (!input.handedOverOn) throw badRequest([{ path: 'body.handedOverOn', message: '请填写移交日期' }]);
    } else if (input.location) {
      throw badRequest([{ path: 'body.location', message: '缺失的文件不能登记存放位置' }]);
    }
    const now = ctx.now();
    const [existing] = await tx.select().from(archiveDocuments).where(and(eq(archiveDocuments.householdId, householdId), eq(archiveDocuments.templateId, templateId)));
    const values = {
      status: input.status,
      handedOverBy: input.handedOverBy ?? null,
      handedOverOn: input.handedOverOn ?? null,
      receivedBy: input.status === 'received' ? (existing?.receivedBy ?? ra.actor.userId) : null,
      location: input.location ?? null,
      filedAt: input.location ? (existing?.location === input.location ? existing.filedAt : now) : null,
      note: input.note ?? null,
      updatedAt: now,
    };
    if (existing) {
      if (input.version !== existing.version) throw conflict({ current: { version: existing.version } });
      const done = await tx
        .update(archiveDocuments)
        .set({ ...values, version: sql`${archiveDocuments.version} + 1` })
        .where(and(eq(archiveDocuments.id, existing.id), eq(archiveDocuments.version, existing.version)))
        .returning({ id: archiveDocuments.id });
      if (done.length === 0) throw conflict({ current: { version: existing.version } });
    } else {
      if (input.version !== null) throw conflict({ current: { version: null } });
      const done = await tx.insert(archiveDocuments).values({ projectId: h.projectId, householdId, templateId, ...values }).onConflictDoNothing().returning({ id: archiveDocuments.id });
      if (done.length === 0) throw conflict({ current: { version: null } });
    }
    await appendAudit(tx, { actor: ra.actor, action: 'archive_document.record', entity: 'household', entityId: householdId, projectId: h.projectId, ip: ra.ip, detail: { document: t.name, status: input.status, location: input.location ?? null } }, now);
    return archiveOf(tx, ra, h);
  });
}

/** ARC-4: how complete the archives are, per project, district and building, with each department's missing documents. */
export async function completeness(ctx: AppContext, ra: RequestActor, projectId: string): Promise<Completeness> {
  authorize(archivePolicy, ra.actor, 'read', { projectId });
  const db = ctx.store.db;
  const templates = (await templatesOf(db, projectId)).filter((t) => t.active);
  const hs = await db
    .select({ id: households.id, buildingId: buildings.id, buildingName: buildings.name, districtId: districts.id, districtName: districts.name })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(districts, eq(districts.id, buildings.districtId))
    .where(eq(households.projectId, projectId));
  const received = templates.length
    ? await db
        .select({ householdId: archiveDocuments.householdId, templateId: archiveDocuments.templateId })
        .from(archiveDocuments)
        .where(and(eq(archiveDocuments.projectId, projectId), eq(archiveDocuments.status, 'received'), inArray(archiveDocuments.templateId, templates.map((t) => t.id))))
    : [];
  const got = new Map<string, Set<string>>();
  for (const r of received) got.set(r.householdId, (got.get(r.householdId) ?? new Set()).add(r.templateId));
  const empty = () => ({ households: 0, complete: 0, missingByDepartment: { developer: 0, cs_centre: 0, engineering: 0 } });
  const project = empty();
  const byDistrict = new Map<string, ReturnType<typeof empty> & { id: string; name: string }>();
  const byBuilding = new Map<string, ReturnType<typeof empty> & { id: string; name: string; districtId: string }>();
  const missingDocs = new Map<string, number>(templates.map((t) => [t.id, 0]));
  for (const h of hs) {
    const have = got.get(h.id) ?? new Set<string>();
    const d = byDistrict.get(h.districtId) ?? { id: h.districtId, name: h.districtName, ...empty() };
    const b = byBuilding.get(h.buildingId) ?? { id: h.buildingId, name: h.buildingName, districtId: h.districtId, ...empty() };
    byDistrict.set(h.districtId, d);
    byBuilding.set(h.buildingId, b);
    const missing = templates.filter((t) => !have.has(t.id));
    for (const tally of [project, d, b]) {
      tally.households++;
      if (missing.length === 0) tally.complete++;
      for (const dept of ARCHIVE_DEPARTMENTS) if (missing.some((t) => t.department === dept)) tally.missingByDepartment[dept]++;
    }
    for (const t of missing) missingDocs.set(t.id, (missingDocs.get(t.id) ?? 0) + 1);
  }
  return {
    project,
    districts: [...byDistrict.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    buildings: [...byBuilding.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    missingDocuments: templates.map((t) => ({ department: t.department, name: t.name, households: missingDocs.get(t.id) ?? 0 })),
  };
}
