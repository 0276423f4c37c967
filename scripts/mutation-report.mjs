// Writes bench/results/mutation.md from StrykerJS's JSON reports of both runs — `npm run mutate` (the domain, no database,
// bench/.cache/mutation.json) and `npm run mutate:server` (the server's state writers on PGlite, bench/.cache/mutation-server.json):
// the score per file beside the earlier scores (bench/results/mutation-*.json) and every undetected mutant, with the reason
// it is left where one is known. `--save-server-baseline` keeps the present server scores as the server run's "before".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const readJson = (rel) => (existsSync(path.join(ROOT, rel)) ? JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) : null);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * Survivors that cannot change behaviour (equivalent mutants) or are not rules, by file and a fragment of the
 * mutated line: the reason printed beside them. A survivor without an entry here is a gap to close.
 */
const REASONS = [
  // The server's state writers (npm run mutate:server).
  ...SERVER_REASONS(),
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
  ['src/domain/calls/category-search.ts', 'found.sort(', "equivalent under V8's stable sort: ties reach the comparator later element first, so a.at + b.at orders them as a.at - b.at does (checked with up to 500 tied categories)"],
  ['src/domain/shared/business-time.ts', 'if (hit) return hit', 'equivalent: the cache of an instant\'s parts; reading them again gives the same answer'],
  ['src/domain/shared/business-time.ts', 'partsCache.size >= PARTS_CACHE_MAX', 'equivalent: when the cache of parts is emptied changes memory, not an answer'],
  ['src/domain/visits/sampling.ts', "return drawsByRule(subject === 'complaint' ? 'always' : 'share'", "equivalent: any rule other than 'always' or 'never' draws by the share, so the 'share' literal can be any other text"],
  ['src/domain/users/password-strength.ts', '请加长或混合使用不相关的词', 'unreachable: the estimator always gives a weak password at least one suggestion (kept as the fallback wording)'],
  ['src/domain/shared/mask.ts', 'if (chars.length <= 1)', 'equivalent: for one character, first + no stars is the name itself'],

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


function SERVER_REASONS() {
  const contractFirst =
    'second line, unreachable through the routes: the request contract (zod) refuses the missing field first, with the same path and a Chinese message (state-writers.test.ts asserts that 400)';
  const policyFirst = (policy) =>
    `second line, unreachable through the routes: ${policy}'s \`when\` is the same transition table, so authorize() refuses a step out of turn first (409 INVALID_STATE with current {status, version}) before this check`;
  return [
    ['src/server/work-orders/work-orders.service.ts', "if (event === 'complete' && !input.result)", contractFirst],
    ['src/server/work-orders/work-orders.service.ts', "if ((event === 'reject' || event === 'cancel') && !input.reason)", contractFirst],
    ['src/server/work-orders/work-orders.service.ts', 'if (!input.assigneeId) throw', contractFirst],
    ['src/server/complaints/complaints.service.ts', "'投诉当前状态不能执行此操作'", policyFirst('complaintPolicy')],
    ['src/server/contact-forms/contact-forms.service.ts', "'联系单当前状态不能执行此操作'", policyFirst('contactFormPolicy')],
  ];
}

const pct = (n, of) => (of ? ((100 * n) / of).toFixed(1) : '—');
const scoreOf = (b, rel) => (b?.files[rel] ? `${pct(b.files[rel].detected, b.files[rel].mutants)} %` : '—');
const totalOf = (b) => {
  const files = Object.values(b?.files ?? {});
  const mutants = files.reduce((a, f) => a + f.mutants, 0);
  const detected = files.reduce((a, f) => a + f.detected, 0);
  return { mutants, detected };
};

/** Per-file rows and undetected mutants of one Stryker JSON report. */
function summarise(report) {
  const files = {};
  const survivors = [];
  let explained = 0;
  for (const [file, { mutants, source }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const rel = path.relative(ROOT, path.resolve(ROOT, file));
    const d = mutants.filter((m) => DETECTED.has(m.status)).length;
    const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    files[rel] = { mutants: d + u, detected: d };
    const lines = source.split('\n');
    for (const m of mutants.filter((x) => UNDETECTED.has(x.status))) {
      const line = m.location.start.line;
      const full = (lines[line - 1] ?? '').trim();
      const reason = reasonFor(rel, full);
      if (reason) explained++;
      const code = full.slice(0, 80).replace(/\|/g, '\\|');
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 40).replace(/\|/g, '\\|');
      survivors.push(`| ${rel}:${line} | ${m.mutatorName} | ${m.status} | \`${code}\` | \`${replacement}\` | ${reason || '**open**'} |`);
    }
  }
  return { files, survivors, explained, ...totalOf({ files }) };
}

/** The section headed `## title` of the committed bench/results/mutation.md, as it was written. */
function previousSection(title) {
  const file = path.join(ROOT, 'bench/results/mutation.md');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`## ${title}\n`);
  if (start < 0) return null;
  const next = text.indexOf('\n## ', start + 3);
  return text.slice(start, next < 0 ? undefined : next + 1).trimEnd() + '\n';
}

/**
 * The per-file figures and undetected mutants of a section as last written (bench/results/mutation.md), for a run that
 * re-tested only some files (`mutate-server.mjs --only …`: the merged report holds only the writers run here).
 */
function carryFromSection(title) {
  const text = previousSection(title);
  if (!text) return null;
  const files = {};
  const survivors = [];
  for (const line of text.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    if (cells.length < 6 || !cells[0].startsWith('src/')) continue;
    const where = cells[0].replace(/ \*$/, '');
    if (/^\d+$/.test(cells[1])) files[where] = { mutants: Number(cells[1]), detected: Number(cells[2]) };
    else {
      const [, file, l] = /^(.*):(\d+)$/.exec(where) ?? [];
      if (file) survivors.push({ file, line: Number(l), mutatorName: cells[1], status: cells[2], code: cells[3], replacement: cells[4], reason: cells[5] });
    }
  }
  // Carried once already: the run those figures come from; otherwise the report's date.
  const generated =
    /keep the figures of the full run of (.*?)\. With them/.exec(text)?.[1] ??
    /^Generated (.*)\.$/m.exec(readFileSync(path.join(ROOT, 'bench/results/mutation.md'), 'utf8'))?.[1] ??
    'an earlier run';
  return { generated, files, survivors };
}

/** One run's section: score, the earlier scores per file, and its undetected mutants. */
function section(title, intro, reportRel, earlier, carry) {
  const report = readJson(reportRel);
  if (!report) {
    // Reports live in bench/.cache (not committed): a checkout without this run's report keeps the section as last written.
    const kept = previousSection(title);
    return kept ? [kept] : [`## ${title}`, '', intro, '', `Not run here yet (no ${reportRel}).`, ''];
  }
  const s = summarise(report);
  // A run limited to some files (`stryker run --mutate …`): the other files keep their last full run's figures, marked.
  const kept = Object.keys(carry?.files ?? {}).filter((rel) => !(rel in s.files));
  const all = { files: { ...Object.fromEntries(kept.map((rel) => [rel, carry.files[rel]])), ...s.files } };
  const names = Object.keys(all.files).sort();
  const whole = totalOf(all);
  return [
    `## ${title}`,
    '',
    intro,
    '',
    `**Score: ${pct(s.detected, s.mutants)} %** — ${s.detected} of ${s.mutants} mutants detected (killed or timed out); ${s.mutants - s.detected} undetected,` +
      ` of which ${s.explained} are explained below (equivalent, or text that is not a rule).`,
    kept.length
      ? `This run re-tested ${Object.keys(s.files).length} files; ${kept.length} files (marked *) keep the figures of the full run of ${carry.generated}. ` +
        `With them, the whole set: **${pct(whole.detected, whole.mutants)} %** — ${whole.detected} of ${whole.mutants}.`
      : '',
    ...earlier.filter(([, b]) => b).map(([label, b]) => {
      const t = totalOf(b);
      return `${label} (${b.generated}, ${b.note}): ${pct(t.detected, t.mutants)} % — ${t.detected} of ${t.mutants}.`;
    }),
    '',
    `| file | mutants | detected | undetected | ${earlier.map(([label]) => label).join(' | ')} | score |`,
    `|---|---|---|---|${earlier.map(() => '---|').join('')}---|`,
    ...names.map((rel) => {
      const f = all.files[rel];
      return `| ${rel}${kept.includes(rel) ? ' *' : ''} | ${f.mutants} | ${f.detected} | ${f.mutants - f.detected} | ${earlier.map(([, b]) => scoreOf(b, rel)).join(' | ')} | ${pct(f.detected, f.mutants)} % |`;
    }),
    '',
    `### Undetected mutants (${title.toLowerCase()})`,
    '',
    ...(() => {
      // Undetected mutants of the files this run did not re-test, as their full run listed them.
      const old = (carry?.survivors ?? [])
        .filter((m) => kept.includes(m.file))
        .map((m) => `| ${m.file}:${m.line} * | ${m.mutatorName ?? m.mutator} | ${m.status} | ${m.code} | ${m.replacement ?? ''} | ${reasonFor(m.file, m.code.replace(/^`|`$/g, '').replace(/\\\|/g, '|')) || m.reason} |`);
      const list = [...s.survivors, ...old];
      return [list.length ? '| where | mutator | status | code | mutated to | why it is left |\n|---|---|---|---|---|---|\n' + list.join('\n') : 'None.'];
    })(),
    '',
  ];
}

if (process.argv.includes('--save-server-baseline')) {
  const report = readJson('bench/.cache/mutation-server.json');
  if (!report) throw new Error('no server run to save: run `npm run mutate:server` first');
  const { files } = summarise(report);
  const note = process.argv[process.argv.indexOf('--save-server-baseline') + 1] ?? 'first server run';
  writeFileSync(path.join(ROOT, 'bench/results/mutation-server-baseline.json'), JSON.stringify({ generated: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', note, files }, null, 1) + '\n');
}

const out = [
  '# Mutation testing',
  '',
  'Two StrykerJS runs, each incremental (a second run re-tests only mutants whose code or covering tests changed).',
  `Generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  ...section(
    'Domain (`npm run mutate`)',
    'StrykerJS over `src/domain` (policies, state tables, classification, deadlines, masking, text rules) and the pure parts of\n' +
      '`src/server` (the authorization call, the hook bus), run against the tests that need no database (vitest.mutate.config.ts).',
    'bench/.cache/mutation.json',
    [
      ['first run', readJson('bench/results/mutation-baseline.json')],
      ['before', readJson('bench/results/mutation-before.json')],
    ],
    readJson('bench/results/mutation-before.json'),
  ),
  ...section(
    'Server state writers (`npm run mutate:server`)',
    'StrykerJS over the code that checks a domain transition table and moves a record to its next state (stryker.server.config.mjs:\n' +
      'call-state.ts, and the step writers of work orders, complaints, contact forms and key loans, by line range), run against the\n' +
      'database-backed tests that drive them through the routes on PGlite (vitest.mutate-server.config.ts).',
    'bench/.cache/mutation-server.json',
    [
      ['first run', readJson('bench/results/mutation-server-baseline.json')],
      ['before', readJson('bench/results/mutation-server-before.json')],
    ],
    carryFromSection('Server state writers (`npm run mutate:server`)'),
  ),
].join('\n');
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/mutation.md'), out);
for (const [name, rel] of [['domain', 'bench/.cache/mutation.json'], ['server', 'bench/.cache/mutation-server.json']]) {
  const r = readJson(rel);
  if (r) {
    const s = summarise(r);
    console.log(`mutation score (${name}) ${pct(s.detected, s.mutants)} % (${s.detected}/${s.mutants})`);
  }
}
console.log('details: bench/results/mutation.md');
