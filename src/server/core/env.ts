import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  seedDemo: boolean;
  /** The demo estate comes with two years of past records (DEMO_HISTORY=0: without). */
  demoHistory: boolean;
  /** Session idle timeout and absolute lifetime, minutes. */
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  /** Failed logins per username (and per address ×4) in the window before refusing. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** How long a supervised accompanied view (陪同查阅, ARC-8) lasts, minutes. */
  accompaniedViewMinutes: number;
  /** Serve the built web app from dist/web. */
  serveWeb: boolean;
  secureCookies: boolean;
  logLevel: string;
  /** NODE_ENV=production: refuse known demo passwords and the development audit key. */
  production: boolean;
  /** Who may read /api/docs and /api/openapi.json: everyone, signed-in users, or nobody (API_DOCS). */
  apiDocs: 'public' | 'signedIn' | 'off';
  /** ALLOW_DEMO_PASSWORDS=1: start in production even while demo passwords work (a staging copy). */
  allowDemoPasswords: boolean;
  /** The audit chain's HMAC key (AUDIT_KEY), or the file holding it. */
  auditKey?: string;
  auditKeyFile?: string;
  /** Append-only file of checkpoints of the audit chain's head, outside the database. */
  auditAnchorFile?: string;
  /** VISIT-2: the share of finished repairs drawn for a return visit (VISIT_REPAIR_SHARE, default 0.3). */
  repairVisitShare: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    // Only this machine unless HOST says otherwise (HOST=0.0.0.0 serves the network, e.g. behind a proxy).
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    // The demo estate goes into a new embedded store; on a server only when asked for.
    seedDemo: databaseUrl ? env.SEED_DEMO === '1' : env.SEED_DEMO !== '0',
    demoHistory: env.DEMO_HISTORY !== '0',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteMinutes: Number(env.SESSION_ABSOLUTE_MINUTES ?? 12 * 60),
    loginMaxFailures: Number(env.LOGIN_MAX_FAILURES ?? 5),
    loginWindowMinutes: Number(env.LOGIN_WINDOW_MINUTES ?? 15),
    accompaniedViewMinutes: Number(env.ACCOMPANIED_VIEW_MINUTES ?? 15),
    serveWeb: env.SERVE_WEB !== '0',
    secureCookies: env.SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    production: env.NODE_ENV === 'production',
    apiDocs: env.API_DOCS === 'off' || env.API_DOCS === 'signedIn' || env.API_DOCS === 'public' ? env.API_DOCS : env.NODE_ENV === 'production' ? 'signedIn' : 'public',
    allowDemoPasswords: env.ALLOW_DEMO_PASSWORDS === '1',
    auditKey: env.AUDIT_KEY || undefined,
    // Beside the embedded store's folder (not inside it: that folder is the database's own).
    auditKeyFile: env.AUDIT_KEY_FILE ? path.resolve(env.AUDIT_KEY_FILE) : databaseUrl ? undefined : `${dataDir}.audit-key`,
    repairVisitShare: visitShare(env.VISIT_REPAIR_SHARE),
    auditAnchorFile: env.AUDIT_ANCHOR_FILE ? path.resolve(env.AUDIT_ANCHOR_FILE) : databaseUrl ? undefined : `${dataDir}.audit-anchor`,
  };
}

/** A share in [0, 1]; anything else falls back to the default 30 %. */
function visitShare(v: string | undefined): number {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : 0.3;
}
