import pg from 'pg';

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checked(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database name ${name}`);
  return name;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${checked(db)}`;
  return u.toString();
}

/** Runs one statement on the server's admin connection (the database in the URL is only used to connect). */
async function admin<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  const r = await admin<{ n: number }>(url, 'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [checked(name)]);
  return r[0].n > 0;
}

export async function createDatabase(url: string, name: string): Promise<void> {
  await admin(url, `CREATE DATABASE ${checked(name)}`);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await admin(url, `DROP DATABASE IF EXISTS ${checked(name)} WITH (FORCE)`);
}

/** CREATE DATABASE … TEMPLATE: a file-level copy; the template may have no other sessions. */
export async function copyDatabase(url: string, name: string, template: string): Promise<void> {
  await admin(url, `CREATE DATABASE ${checked(name)} TEMPLATE ${checked(template)}`);
}
