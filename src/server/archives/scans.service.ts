import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { archiveDocuments, archiveScans } from '../../domain/archives/archives.table';
import { attachments } from '../../domain/attachments/attachments.table';
import { archivePolicy } from '../../domain/archives/archives.policy';
import type { ScanView } from '../../domain/archives/archives.contract';
import { households } from '../../domain/property/property.table';
import { appendAudit } from '../audit/audit.writer';
import { authorize } from '../core/authorize';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { AppError, notFound } from '../core/errors';
import { saveAttachment, type AttachmentReader } from '../attachments/attachments';

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};
const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The name as given, kept for display only: no path, no control characters; never used to store the file. */
export function displayName(name: string | undefined, mime: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/^\.+/, '').trim().slice(0, 100);
  return clean || `scan.${EXT[mime]}`;
}

export const presentScan = (s: typeof archiveScans.$inferSelect): ScanView => ({ id: s.id, fileName: s.fileName, mime: s.mime, size: s.size, url: `/api/archive-scans/${s.id}`, at: s.at.toISOString() });

/** A scan of a received document: the bytes must be what the declared type says (415 otherwise). */
export async function uploadScan(ctx: AppContext, ra: RequestActor, householdId: string, templateId: string, mime: string, bytes: Buffer, name?: string): Promise<ScanView> {
  return ctx.store.db.transaction(async (tx) => {
    const [h] = await tx.select({ id: households.id, projectId: households.projectId }).from(households).where(eq(households.id, householdId));
    authorize(archivePolicy, ra.actor, 'record', h);
    const check = MAGIC[mime];
    if (!check || bytes.length === 0 || !check(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', undefined, '文件内容与类型不符：只接受 PDF、JPEG、PNG');
    const [doc] = await tx.select().from(archiveDocuments).where(and(eq(archiveDocuments.householdId, householdId), eq(archiveDocuments.templateId, templateId)));
    if (!doc || doc.status !== 'received') throw new AppError(409, 'INVALID_STATE', undefined, '请先登记该文件为已收，再上传扫描件');
    const now = ctx.now();
    const id = randomUUID();
    const attachmentId = await saveAttachment(tx, { projectId: h.projectId, ownerType: 'archive_scan', ownerId: id, kind: 'scan', mime, bytes, createdBy: ra.actor.userId, at: now });
    const [row] = await tx.insert(archiveScans).values({ id, projectId: h.projectId, documentId: doc.id, attachmentId, fileName: displayName(name, mime), mime, size: bytes.length, at: now, by: ra.actor.userId }).returning();
    await appendAudit(tx, { actor: ra.actor, action: 'archive_scan.upload', entity: 'household', entityId: householdId, projectId: h.projectId, ip: ra.ip, detail: { scanId: id, mime, size: bytes.length } }, now);
    return presentScan(row);
  });
}

/** The scan's bytes for a download, after the archive's read check. */
export async function downloadScan(ctx: AppContext, ra: RequestActor, scanId: string) {
  const [s] = await ctx.store.db.select().from(archiveScans).where(eq(archiveScans.id, scanId));
  authorize(archivePolicy, ra.actor, 'read', s);
  const [a] = await ctx.store.db.select({ bytes: attachments.bytes }).from(attachments).where(eq(attachments.id, s.attachmentId));
  if (!a) throw notFound();
  await appendAudit(ctx.store.db, { actor: ra.actor, action: 'archive_scan.download', entity: 'archive_scan', entityId: scanId, projectId: s.projectId, ip: ra.ip }, ctx.now());
  return { scan: s, bytes: a.bytes };
}

export async function scansOf(ex: Executor, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return ex.select().from(archiveScans).where(inArray(archiveScans.documentId, documentIds));
}

/** Scans are downloaded through their own route (as attachments, audited); the generic attachment route refuses them. */
export const refuseGenericScanRead: AttachmentReader = async () => {
  throw notFound();
};
