// Writes bench/results/mutation.md from StrykerJS's JSON report: the score per file and every surviving mutant.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const report = JSON.parse(readFileSync(path.join(ROOT, 'bench/.cache/mutation.json'), 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const rows = [];
const survivors = [];
let detected = 0;
let undetected = 0;
for (const [file, { mutants, source }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const d = mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  detected += d;
  undetected += u;
  const rel = path.relative(ROOT, path.resolve(ROOT, file));
  rows.push(`| ${rel} | ${d + u} | ${d} | ${u} | ${d + u ? ((100 * d) / (d + u)).toFixed(1) : '—'} % |`);
  const lines = source.split('\n');
  for (const m of mutants.filter((x) => UNDETECTED.has(x.status))) {
    const line = m.location.start.line;
    const code = (lines[line - 1] ?? '').trim().slice(0, 90).replace(/\|/g, '\\|');
    survivors.push(`| ${rel}:${line} | ${m.mutatorName} | ${m.status} | \`${code}\` |`);
  }
}
const total = detected + undetected;
const score = total ? ((100 * detected) / total).toFixed(1) : '—';
const out = [
  '# Mutation testing (`npm run mutate`)',
  '',
  `StrykerJS over \`src/domain\` (policies, state tables, classification, deadlines, masking, text rules), run against the`,
  `domain's own tests (vitest.mutate.config.ts). Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  `**Score: ${score} %** — ${detected} of ${total} mutants detected (killed or timed out); ${undetected} undetected.`,
  '',
  '| file | mutants | detected | undetected | score |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  '## Undetected mutants',
  '',
  survivors.length ? '| where | mutator | status | code |\n|---|---|---|---|\n' + survivors.join('\n') : 'None.',
  '',
].join('\n');
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/mutation.md'), out);
console.log(`mutation score ${score} % (${detected}/${total}); details: bench/results/mutation.md`);
