// Writes bench/results/mutation.md from StrykerJS's JSON report: the score per file (with the first run's score beside
// it, bench/results/mutation-baseline.json) and every surviving mutant, with the reason it is left where one is known.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const report = JSON.parse(readFileSync(path.join(ROOT, 'bench/.cache/mutation.json'), 'utf8'));
const baselineFile = path.join(ROOT, 'bench/results/mutation-baseline.json');
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : { files: {} };
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * Survivors that cannot change behaviour (equivalent mutants) or are not rules, by file and a fragment of the
 * mutated line: the reason printed beside them. A survivor without an entry here is a gap to close.
 */
const REASONS = [
  ['src/domain/shared/policy.ts', "rec.projectId === null ||", 'equivalent: projectIds holds strings only, so has(null) is already false'],
  ['src/domain/audit/audit.policy.ts', 'rec.projectId !== null &&', 'equivalent: projectIds holds strings only, so has(null) is already false'],
  ['src/domain/audit/audit.policy.ts', "scope: 'global'", "equivalent: only scope 'project' is checked; any other value means global"],
  ['src/domain/users/users.policy.ts', "scope: 'global'", "equivalent: only scope 'project' is checked; any other value means global"],
  ['src/domain/calls/calls.policy.ts', 'r.status !== undefined && isCallPending', 'equivalent: isCallPending(undefined) is false (not in the list)'],
  ['src/domain/shared/business-time.ts', 'if (!f)', 'equivalent: the formatter cache; building a new formatter each time gives the same answer'],
  ['src/domain/users/password-strength.ts', "'{base}", 'not shown: crack-time texts of the estimator; the verdict never includes them'],
  ['src/domain/users/password-strength.ts', 'ltSecond', 'not shown: crack-time texts of the estimator; the verdict never includes them'],
  ['src/domain/users/password-strength.ts', 'centuries', 'not shown: crack-time texts of the estimator; the verdict never includes them'],
  ['src/domain/users/password-strength.ts', 'timeEstimation', 'not shown: crack-time texts of the estimator; the verdict never includes them'],
  ['src/domain/help/help.playbooks.ts', 'title:', 'text: the wording of a step for the people on duty (its role, group and minutes are tested)'],
  ['src/domain/help/help.playbooks.ts', 'instruction:', 'text: the wording of a step for the people on duty (its role, group and minutes are tested)'],
  ['src/domain/help/help.playbooks.ts', 'name:', "text: the playbook's display name"],
  ['src/domain/archives/departments.ts', '_LABELS', 'text: display labels (labels.ts files are left out of the mutate set for the same reason)'],
  ['src/domain/archives/departments.ts', "facility_opening: '", 'text: display label'],
  ['src/domain/archives/departments.ts', "handover_items: '", 'text: display label'],
  ['src/domain/archives/departments.ts', "manual_receipt: '", 'text: display label'],
  ['src/domain/shared/departments.ts', 'DEPARTMENT_LABELS', 'text: display labels'],
  ['src/domain/shared/departments.ts', 'export const headsDepartment', 'equivalent: every department has exactly one head role, so some() and every() agree'],
  ['src/domain/calls/category-search.ts', 'const norm =', 'equivalent: replace(/\\s+/g) already removes every space, so trim() and the + quantifier change nothing'],
  ['src/domain/calls/category-search.ts', 'if (q.length < 2)', 'equivalent: a one-character query inside a word would already be an exact label or keyword match'],
  ['src/domain/shared/mask.ts', 'if (chars.length <= 1)', 'equivalent: for one character, first + no stars is the name itself'],
  ['src/server/authorize.ts', "if (action === 'read')", "equivalent: for 'read', refusal() answers 'none' once can(read) has passed"],
  ['src/domain/users/password-strength.ts', "'woaini', ", 'equivalent by measurement: without this word the password still scores 0 (English lists, patterns)'],
  ['src/domain/users/password-strength.ts', "'huang', ", 'equivalent by measurement: without this word the password still scores 0 (English lists, patterns)'],
  ['src/domain/users/password-strength.ts', "'qwertyuiop', ", 'equivalent by measurement: without this word the password still scores 0 (English lists, patterns)'],
  ['src/domain/users/password-strength.ts', 'personal.filter(Boolean).map', 'equivalent: the estimator lowercases and skips empty user inputs itself'],
  ['src/domain/users/password-strength.ts', "Pattern: '", 'text: estimator feedback for a keyboard pattern no test password produces'],
  ['src/domain/users/password-strength.ts', "straightRow: '", 'text: estimator feedback no test password produces'],
  ['src/domain/users/password-strength.ts', "wordByItself: '", 'text: estimator feedback no test password produces'],
  ['src/domain/users/password-strength.ts', "Names", 'text: estimator feedback no test password produces'],
  ['src/domain/users/password-strength.ts', "namesByThemselves: '", 'text: estimator feedback no test password produces'],
  ['src/domain/users/password-strength.ts', "pwned: '", 'text: feedback of a leak check the project does not run'],
  ['src/domain/users/password-strength.ts', "useWords: '", 'text: estimator feedback no test password produces'],
  ['src/domain/users/password-strength.ts', "noNeed: '", 'text: estimator feedback no test password produces'],
];
const reasonFor = (file, code) => REASONS.find(([f, frag]) => f === file && code.includes(frag))?.[2] ?? '';

const rows = [];
const survivors = [];
let detected = 0;
let undetected = 0;
let explained = 0;
for (const [file, { mutants, source }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const d = mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  detected += d;
  undetected += u;
  const rel = path.relative(ROOT, path.resolve(ROOT, file));
  const before = baseline.files[rel];
  const was = before ? `${((100 * before.detected) / before.mutants).toFixed(1)} %` : '—';
  rows.push(`| ${rel} | ${d + u} | ${d} | ${u} | ${was} | ${d + u ? ((100 * d) / (d + u)).toFixed(1) : '—'} % |`);
  const lines = source.split('\n');
  for (const m of mutants.filter((x) => UNDETECTED.has(x.status))) {
    const line = m.location.start.line;
    const full = (lines[line - 1] ?? '').trim();
    const reason = reasonFor(rel, full);
    if (reason) explained++;
    const code = full.slice(0, 80).replace(/\|/g, '\\|');
    survivors.push(`| ${rel}:${line} | ${m.mutatorName} | ${m.status} | \`${code}\` | ${reason || '**open**'} |`);
  }
}
const total = detected + undetected;
const pct = (n, of) => (of ? ((100 * n) / of).toFixed(1) : '—');
const bTotal = Object.values(baseline.files).reduce((a, f) => a + f.mutants, 0);
const bDetected = Object.values(baseline.files).reduce((a, f) => a + f.detected, 0);
const out = [
  '# Mutation testing (`npm run mutate`)',
  '',
  'StrykerJS over `src/domain` (policies, state tables, classification, deadlines, masking, text rules) and the pure parts of',
  "`src/server` (the authorization call, the hook bus), run against the tests that need no database (vitest.mutate.config.ts).",
  `Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  `**Score: ${pct(detected, total)} %** — ${detected} of ${total} mutants detected (killed or timed out); ${undetected} undetected,` +
    ` of which ${explained} are explained below (equivalent, or text that is not a rule).`,
  bTotal ? `Before (${baseline.generated}, ${baseline.note}): ${pct(bDetected, bTotal)} % — ${bDetected} of ${bTotal}.` : '',
  '',
  '| file | mutants | detected | undetected | before | score |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  '## Undetected mutants',
  '',
  survivors.length ? '| where | mutator | status | code | why it is left |\n|---|---|---|---|---|\n' + survivors.join('\n') : 'None.',
  '',
].join('\n');
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/mutation.md'), out);
console.log(`mutation score ${pct(detected, total)} % (${detected}/${total}); details: bench/results/mutation.md`);
