// npm run setup — creates the first administrator and estate of a store without demo data.
// Interactive: asks each value (the password twice, not echoed). Non-interactive: flags, and the password on
// standard input (e.g. from a secret store): printf '%s' "$PW" | npm run setup -- --project-code X --project-name 名称
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/server/core/env';
import { openStore } from '../src/server/db/store';
import { setAuditKey } from '../src/server/audit/audit-chain';
import { resolveAuditKey } from '../src/server/audit/audit-key';
import { SetupRefused, setupFirstAdmin } from '../src/server/ops/setup';

const { values } = parseArgs({
  options: {
    'project-code': { type: 'string' },
    'project-name': { type: 'string' },
    username: { type: 'string', default: 'admin' },
    'display-name': { type: 'string', default: '系统管理员' },
  },
});

async function readAll(): Promise<string> {
  let s = '';
  for await (const chunk of process.stdin) s += chunk;
  return s.replace(/\r?\n$/, '');
}

async function ask(): Promise<{ code: string; name: string; password: string }> {
  let muted = false;
  const out = new Writable({ write: (chunk, _enc, cb) => (muted ? cb() : process.stdout.write(chunk, cb)) });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  const code = values['project-code'] ?? (await rl.question('项目编码 (project code, e.g. JHHY): ')).trim();
  const name = values['project-name'] ?? (await rl.question('项目名称 (project name): ')).trim();
  process.stdout.write(`管理员 ${values.username} 的密码 (password): `);
  muted = true;
  const password = await rl.question('');
  muted = false;
  process.stdout.write('\n再输入一次 (again): ');
  muted = true;
  const again = await rl.question('');
  muted = false;
  process.stdout.write('\n');
  rl.close();
  if (password !== again) throw new SetupRefused('两次输入的密码不一致 (the passwords differ)');
  return { code, name, password };
}

const config = loadConfig();
try {
  const interactive = process.stdin.isTTY;
  const given = interactive ? await ask() : { code: values['project-code'] ?? '', name: values['project-name'] ?? '', password: await readAll() };
  const key = resolveAuditKey(config, { create: true });
  if (key.key) setAuditKey(key.key);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await setupFirstAdmin(store, { projectCode: given.code, projectName: given.name, username: values.username!, displayName: values['display-name']!, password: given.password }, new Date());
  } finally {
    await store.close();
  }
  console.log(`已创建管理员 ${values.username} 和项目 ${given.name} (created). 启动：SEED_DEMO=0 npm start`);
} catch (e) {
  if (e instanceof SetupRefused) {
    console.error(`未创建：${e.message}`);
    process.exit(1);
  }
  throw e;
}
