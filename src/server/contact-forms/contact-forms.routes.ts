import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { contactForms } from '../../domain/contact-forms/contact-forms.table';
import { contactFormPolicy } from '../../domain/contact-forms/contact-forms.policy';
import { contactForm, contactFormDetail, contactFormInput, contactFormList, contactFormListQuery, contactFormStepBodies } from '../../domain/contact-forms/contact-forms.contract';
import { isContactFormPending } from '../../domain/contact-forms/contact-forms.status';
import { DEPARTMENTS, headsDepartment } from '../../domain/shared/departments';
import { abilities, type Actor } from '../../domain/shared/policy';
import { users } from '../../domain/users/users.table';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { readingOf, slaPoliciesByProject, slaPoliciesOf } from '../deadlines/sla-policies';
import type { Executor } from '../db/store';
import { requestActor, type AppContext } from '../core/context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../core/authorize';
import { eventsOfContactForm, findContactForm, recOf, sendContactForm, stepContactForm, type ContactFormRow } from './contact-forms.service';

const tags = ['contact-forms'];
const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const SUMMARY = { sign: '接收部门签收', reply: '接收部门回复处理结果', close: '发出部门确认并关闭' } as const;

const sender = alias(users, 'sender');
const signer = alias(users, 'signer');
const replier = alias(users, 'replier');
const closer = alias(users, 'closer');

async function loadForms(ex: Executor, where: SQL | undefined, limit: number) {
  return ex
    .select({ f: contactForms, sentByName: sender.displayName, signedByName: signer.displayName, repliedByName: replier.displayName, closedByName: closer.displayName })
    .from(contactForms)
    .leftJoin(sender, eq(sender.id, contactForms.sentBy))
    .leftJoin(signer, eq(signer.id, contactForms.signedBy))
    .leftJoin(replier, eq(replier.id, contactForms.repliedBy))
    .leftJoin(closer, eq(closer.id, contactForms.closedBy))
    .where(where)
    .orderBy(desc(contactForms.createdAt))
    .limit(limit);
}
type Loaded = Awaited<ReturnType<typeof loadForms>>[number];

function present(actor: Actor, x: Loaded, policies: readonly SlaPolicy[] | undefined, now: Date): z.infer<typeof contactForm> {
  const f: ContactFormRow = x.f;
  return {
    id: f.id,
    projectId: f.projectId,
    number: f.number,
    fromDepartment: f.fromDepartment,
    toDepartment: f.toDepartment,
    subject: f.subject,
    details: f.details,
    requiredResult: f.requiredResult,
    dueAt: f.dueAt,
    status: f.status,
    signedAt: f.signedAt,
    reply: f.reply,
    repliedAt: f.repliedAt,
    closedAt: f.closedAt,
    closeNote: f.closeNote,
    version: f.version,
    createdAt: f.createdAt,
    sentByName: x.sentByName,
    signedByName: x.signedByName,
    repliedByName: x.repliedByName,
    closedByName: x.closedByName,
    sla: readingOf(policies, 'contact_form', { dueAt: f.dueAt, class: null, level: null }, now, !isContactFormPending(f.status)),
    abilities: abilities(contactFormPolicy, actor, recOf(f)),
  };
}

export async function contactFormRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(contactFormPolicy, 'read');
  const one = async (actor: Actor, id: string) => {
    const [x] = await loadForms(ctx.store.db, eq(contactForms.id, id), 1);
    return present(actor, x, await slaPoliciesOf(ctx.store.db, ctx.store, x.f.projectId), ctx.now());
  };

  r.post('/api/contact-forms', { config: { access: policyAccess(contactFormPolicy, 'send') }, schema: { tags, summary: '发出工作联系单', body: contactFormInput, response: { 201: contactForm } } }, async (req, reply) => {
    const ra = requestActor(req);
    const row = await sendContactForm(ctx, ra, req.body);
    return reply.status(201).send(await one(ra.actor, row.id));
  });

  r.get('/api/contact-forms', { config: { access: read }, schema: { tags, summary: '工作联系单列表(收到的、发出的)', querystring: contactFormListQuery, response: { 200: contactFormList } } }, async (req) => {
    const actor = actorOf(req);
    const projects = [...actor.projectIds].filter((p) => !req.query.projectId || p === req.query.projectId);
    const mine = DEPARTMENTS.filter((d) => headsDepartment(actor.roles, d));
    if (projects.length === 0 || mine.length === 0) return { items: [] };
    const box = req.query.box ?? 'all';
    const inbox = inArray(contactForms.toDepartment, mine);
    const outbox = inArray(contactForms.fromDepartment, mine);
    const rows = await loadForms(ctx.store.db, and(inArray(contactForms.projectId, projects), box === 'in' ? inbox : box === 'out' ? outbox : or(inbox, outbox)), 300);
    const policies = await slaPoliciesByProject(ctx.store.db, ctx.store, rows.map((x) => x.f.projectId));
    const now = ctx.now();
    return { items: rows.map((x) => present(actor, x, policies.get(x.f.projectId), now)) };
  });

  r.get('/api/contact-forms/:id', { config: { access: read }, schema: { tags, summary: '工作联系单详情(可打印)', params: idParam, response: { 200: contactFormDetail } } }, async (req) => {
    const actor = actorOf(req);
    const f = await findContactForm(ctx.store.db, req.params.id);
    authorize(contactFormPolicy, actor, 'read', f?.rec);
    const events = await eventsOfContactForm(ctx.store.db, f.id);
    return { ...(await one(actor, f.id)), events: events.map((e) => ({ at: e.at, type: e.type, detail: e.detail, actorName: e.actorName })) };
  });

  for (const step of Object.keys(contactFormStepBodies) as (keyof typeof contactFormStepBodies)[]) {
    r.post(`/api/contact-forms/:id/${step}`, { config: { access: policyAccess(contactFormPolicy, step) }, schema: { tags, summary: `工作联系单：${SUMMARY[step]}`, params: idParam, body: contactFormStepBodies[step], response: { 200: contactForm } } }, async (req) => {
      const ra = requestActor(req);
      const row = await stepContactForm(ctx, ra, (req.params as { id: string }).id, step, req.body as never);
      return one(ra.actor, row.id);
    });
  }
}

