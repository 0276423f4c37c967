import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../core/env';

export type AuditKeySource = 'env' | 'file' | 'development';

/**
 * Where the audit chain's HMAC key comes from: AUDIT_KEY, else the key file beside the embedded store
 * (created on first start, readable by its owner only), else AUDIT_KEY_FILE, else the development key
 * (refused in production by the start-up checks).
 */
export function resolveAuditKey(config: Pick<AppConfig, 'auditKey' | 'auditKeyFile'>, opts: { create: boolean }): { key: string | null; source: AuditKeySource } {
  if (config.auditKey) return { key: config.auditKey, source: 'env' };
  const file = config.auditKeyFile;
  if (!file) return { key: null, source: 'development' };
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), source: 'file' };
  if (!opts.create) return { key: null, source: 'development' };
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'file' };
}
