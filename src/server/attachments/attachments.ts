import { createHash } from 'node:crypto';
import { attachments } from '../../domain/attachments/attachments.table';
import type { Actor } from '../../domain/shared/policy';
import type { Executor } from '../db/store';
import { badRequest } from '../core/errors';

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+=*)$/;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Decodes an image data URL and checks the bytes really are that image type (not just the label). */
export function decodeImage(dataUrl: string, path: string, maxBytes: number): { mime: string; bytes: Buffer } {
  const m = DATA_URL.exec(dataUrl);
  if (!m) throw badRequest([{ path, message: '图片格式不正确' }]);
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length === 0 || !MAGIC[m[1]](bytes)) throw badRequest([{ path, message: '图片内容与格式不符' }]);
  if (bytes.length > maxBytes) throw badRequest([{ path, message: `图片过大（最大 ${Math.round(maxBytes / 1024)} KB）` }]);
  return { mime: m[1], bytes };
}

/** The kinds of record an attachment can belong to. */
export type AttachmentOwnerType = 'call' | 'work_order' | 'key_loan' | 'key_handover' | 'household_signoff' | 'archive_scan' | 'visit';

/**
 * The owning feature's answer to "may this actor read that record?": resolves when yes, throws the
 * feature's not-found otherwise (ADR 0004). `app.ts` hands one per owner type to the attachment routes,
 * so this feature never imports its owners (ADR 0011).
 */
export type AttachmentReader = (ex: Executor, actor: Actor, ownerId: string) => Promise<void>;
export type AttachmentReaders = Record<AttachmentOwnerType, AttachmentReader>;

export async function saveAttachment(
  tx: Executor,
  a: { projectId: string; ownerType: AttachmentOwnerType; ownerId: string; kind: 'signature' | 'photo' | 'scan'; mime: string; bytes: Buffer; createdBy: string; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({ projectId: a.projectId, ownerType: a.ownerType, ownerId: a.ownerId, kind: a.kind, mime: a.mime, size: a.bytes.length, sha256: createHash('sha256').update(a.bytes).digest('hex'), bytes: a.bytes, createdBy: a.createdBy, createdAt: a.at })
    .returning({ id: attachments.id });
  return row.id;
}

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;
