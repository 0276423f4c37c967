import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. A trigger (migration 0001) forbids UPDATE and DELETE;
 * each row's hash covers the previous row's hash in its chain (ADR 0017: one chain per project and kind), so `npm run audit:verify` proves the chain untouched.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    projectId: uuid('project_id'),
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The chain this row links into (ADR 0017): `w:<project>` for a project's changes, `r:<project>` for its
     * audited reads, `global` for entries without a project (and every row written before chains were split).
     */
    chain: text('chain').notNull().default('global'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_action_subject_at_idx').on(t.action, t.subject, t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_chain_seq_idx').on(t.chain, t.seq),
  ],
);
