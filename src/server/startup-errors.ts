import type { AppConfig } from './core/env';

/** A start-up failure the operator can fix: one line in Chinese and one in English, no stack trace. */
export class StartupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Turns the usual start-up failures (database unreachable, port taken, data dir not writable) into a StartupError. */
export function describeStartupError(err: unknown, config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'port' | 'host'>): Error {
  const e = err as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const code = e?.code ?? e?.errors?.[0]?.code;
  const db = config.databaseUrl ? redact(config.databaseUrl) : '';
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
      return new StartupError(`无法连接数据库 ${db}（${code}）：请检查 DATABASE_URL 的主机和端口，以及 PostgreSQL 是否已启动`, `cannot reach the database ${db} (${code}): check DATABASE_URL's host and port and that PostgreSQL is running`);
    case '28P01':
    case '28000':
      return new StartupError(`数据库拒绝登录 ${db}：请检查 DATABASE_URL 中的用户名和密码`, `the database refused the login ${db}: check the user and password in DATABASE_URL`);
    case '3D000':
      return new StartupError(`数据库不存在 ${db}：请先创建它（createdb）`, `the database in ${db} does not exist: create it first (createdb)`);
    case 'EADDRINUSE':
      return new StartupError(`端口 ${config.port} 已被占用：请关闭占用它的程序或设置 PORT`, `port ${config.port} is in use: stop what uses it or set PORT`);
    case 'EADDRNOTAVAIL':
      return new StartupError(`无法监听地址 ${config.host}：请检查 HOST`, `cannot listen on ${config.host}: check HOST`);
    case 'EACCES':
    case 'EROFS':
      return new StartupError(`没有写入权限：${e.path ?? config.dataDir}（请检查 DATA_DIR 或端口权限）`, `permission denied: ${e.path ?? config.dataDir} (check DATA_DIR, or the port's privileges)`);
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}
