// `npm run mutate:server`: StrykerJS over the server's state writers (stryker.server.config.mjs), one file at a time.
// Each writer's run is a StrykerJS run of its own with its own report and incremental file, so a long run that is
// stopped keeps every writer it finished (Stryker writes its reports only at the end of a run), and a second run
// re-tests only what changed. The reports are merged into bench/.cache/mutation-server.json for
// scripts/mutation-report.mjs. `--only <fragment>` runs the writers whose path contains it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import base from '../stryker.server.config.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'bench/.cache');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

// One shard per file: its line ranges together.
const shards = new Map();
for (const m of base.mutate) {
  const file = m.replace(/:\d+-\d+$/, '');
  shards.set(file, [...(shards.get(file) ?? []), m]);
}
mkdirSync(CACHE, { recursive: true });
// The seeded store the tests load is taken afresh on each run's first start (the schema or seed may have changed).
rmSync(path.join(CACHE, 'pglite-seeded.tgz'), { force: true });

const slug = (file) => path.basename(file, '.ts');
let failed = 0;
for (const [file, mutate] of shards) {
  if (only && !file.includes(only)) continue;
  const name = slug(file);
  const config = path.join(CACHE, `stryker-server-${name}.config.mjs`);
  writeFileSync(
    config,
    `import base from '../../stryker.server.config.mjs';\n` +
      `export default { ...base, mutate: ${JSON.stringify(mutate)}, incrementalFile: 'bench/.cache/stryker-server-${name}-incremental.json',` +
      ` jsonReporter: { fileName: 'bench/.cache/mutation-server-${name}.json' }, tempDirName: 'bench/.cache/stryker-server-${name}-tmp' };\n`,
  );
  const started = Date.now();
  console.log(`== ${file}: ${mutate.join(', ')}`);
  const r = spawnSync('npx', ['stryker', 'run', path.relative(ROOT, config)], { cwd: ROOT, stdio: 'inherit' });
  console.log(`== ${file}: exit ${r.status}, ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) failed++;
}

// Merge every writer's last report (the ones not re-run keep theirs) into one.
const merged = { schemaVersion: '1', thresholds: { high: 80, low: 60 }, files: {} };
for (const file of shards.keys()) {
  const rel = path.join(CACHE, `mutation-server-${slug(file)}.json`);
  if (!existsSync(rel)) {
    console.log(`no report yet for ${file}`);
    continue;
  }
  const report = JSON.parse(readFileSync(rel, 'utf8'));
  for (const [f, entry] of Object.entries(report.files)) {
    const into = merged.files[f];
    if (into) into.mutants.push(...entry.mutants);
    else merged.files[f] = entry;
  }
}
writeFileSync(path.join(CACHE, 'mutation-server.json'), JSON.stringify(merged));
process.exit(failed ? 1 : 0);
