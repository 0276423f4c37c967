#!/usr/bin/env bash
# `npm run breakages` (issue 8: "the breakages above must each fail a test").
#
# Proves, one at a time, that each deliberate breakage of a rule is caught by the suite: it applies a small
# source edit under src/ (what a careless developer could plausibly do), runs the test file(s) that should
# catch it on the embedded store (TEST_DATABASE_URL unset), records whether the run failed with a failing
# test named for the rule's clause, and restores the edited files with `git checkout --` (also on Ctrl-C
# and on any exit). Before that it runs the same test files unbroken: they must pass, or nothing is proven.
#
#   bash scripts/breakages.sh          every breakage
#   bash scripts/breakages.sh 3 7      only these (by number as in the table)
#   bash scripts/breakages.sh --list   the breakages, without running anything
#   bash scripts/breakages.sh --dry-run [ids]   apply each patch, show its diff, restore; no tests
#
# The edits only need to change behaviour (vitest does not type-check): breakage 1, for one, leaves the
# answer-close route's argument type at odds with its optional signature, which `tsc` would report.
#
# Exit status: 0 when every breakage run was caught; 1 when one was not caught, a patch did not apply, a
# file to patch had local changes, or the unbroken baseline failed.
# Prefix with `nice -n 19` on a shared machine; the edits happen in this checkout, so do not run two at once.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
LOGS="$ROOT/.cache/breakages"
mkdir -p "$LOGS"

# ---------------------------------------------------------------------------------------------------------
# The breakages. Each: id | clauses a failing test must name | what is broken | test files | edits.
# An edit is FILE<TAB>OLD<TAB>NEW: the first occurrence of the literal text OLD in FILE becomes NEW.
# ---------------------------------------------------------------------------------------------------------
IDS=() CLAUSES=() WHAT=() TESTS=() EDITS=()
T=$'\t'
add() { IDS+=("$1"); CLAUSES+=("$2"); WHAT+=("$3"); TESTS+=("$4"); EDITS+=("$5"); }

add 1 'CALL-3' 'a call record closes with no signature field' \
  'src/server/calls/refusals.test.ts' \
  "src/domain/calls/calls.contract.ts${T}.regex(/^data:image\\/png;base64,[A-Za-z0-9+/]+=*\$/, '请在签名板上签名'),${T}.regex(/^data:image\\/png;base64,[A-Za-z0-9+/]+=*\$/, '请在签名板上签名').optional(),
src/server/calls/calls.service.ts${T}input: { version: number; signature: string }) {${T}input: { version: number; signature?: string }) {
src/server/calls/calls.service.ts${T}const image = decodeImage(input.signature, 'body.signature', 200 * 1024);${T}const image = input.signature ? decodeImage(input.signature, 'body.signature', 200 * 1024) : null;
src/server/calls/calls.service.ts${T}const signatureId = await saveAttachment(${T}const signatureId = image && await saveAttachment("

add 2 'CALL-3' 'a call record closes after a reply that is not final' \
  'src/server/calls/refusals.test.ts' \
  "src/server/calls/calls.service.ts${T}.where(and(eq(callReplies.callId, id), eq(callReplies.final, true)));${T}.where(eq(callReplies.callId, id));"

add 3 'CALL-3' 'a call record closes after a "final" reply sent before the work was resolved' \
  'src/server/calls/refusals.test.ts' \
  "src/server/calls/calls.service.ts${T}const told = finals.some((f) => call.resolvedAt && f.at >= call.resolvedAt);${T}const told = finals.length > 0;"

add 4a 'CALL-2 ARC-10' 'a technician reads any work order (the detail route skips the read check)' \
  'src/server/work-orders/refusals.test.ts' \
  "src/server/work-orders/work-orders.routes.ts${T}authorize(workOrderPolicy, actor, 'read', wo?.rec);${T}if (!wo) throw notFound();"

add 4b 'CALL-2 ARC-10' 'a technician reads any work order (the policy lets every technician read)' \
  'src/server/work-orders/refusals.test.ts src/domain/work-orders/work-orders.policy.test.ts' \
  "src/domain/work-orders/work-orders.policy.ts${T}owns: (a, r) => csOrLead(a) || isDoer(a, r) }${T}owns: (a, r) => csOrLead(a) || isDoer(a, r) || a.roles.has('technician') }"

add 5 'ARC-10 CALL-2' 'the work-order list is unscoped for technicians and vendors' \
  'src/server/work-orders/refusals.test.ts' \
  "src/server/work-orders/work-orders.routes.ts${T}if (q.mine || !csOrLead) conds.push(${T}if (q.mine) conds.push("

add 6a 'ARC-12 ARC-10' "vendors and technicians see callers' names unmasked (work-order presenter)" \
  'src/server/work-orders/refusals.test.ts' \
  "src/server/work-orders/work-orders.presenter.ts${T}callerName: cs ? row.callerName : (maskName(row.callerName) ?? ''),${T}callerName: row.callerName,"

add 6b 'ARC-10 ARC-12' "vendors and technicians read call records, callers' names unmasked (call policy)" \
  'src/server/work-orders/refusals.test.ts src/domain/calls/calls.policy.test.ts' \
  "src/domain/calls/calls.policy.ts${T}read: { roles: [...DESK, 'account_manager', 'cs_supervisor', 'centre_manager'], scope: 'project' },${T}read: { roles: [...DESK, 'account_manager', 'cs_supervisor', 'centre_manager', 'technician', 'vendor'], scope: 'project' },"

add 7 'ARC-8' 'a lead of another project is accepted for an accompanied view' \
  'src/server/work-orders/refusals.test.ts src/server/accompanied/accompanied.routes.test.ts' \
  "src/server/accompanied/accompanied.service.ts${T}.where(and(eq(units.code, input.unitCode), inArray(households.projectId, askable)))${T}.where(eq(units.code, input.unitCode))"

add 8 'CALL-7' 'the GT summary counts every class' \
  'src/server/calls/refusals.test.ts src/server/calls/ledger.routes.test.ts' \
  "src/server/calls/ledger.repository.ts${T}eq(callRecords.class, 'GT'), ${T}"

add 9 'CALL-1' 'every visit is stored as a phone call' \
  'src/server/calls/refusals.test.ts' \
  "src/server/calls/intake.service.ts${T}channel: input.channel,${T}channel: 'phone',"

if [[ "${1:-}" == "--list" ]]; then
  for i in "${!IDS[@]}"; do printf '%-3s %-14s %s\n     tests: %s\n' "${IDS[$i]}" "${CLAUSES[$i]}" "${WHAT[$i]}" "${TESTS[$i]}"; done
  exit 0
fi

DRY=0
if [[ "${1:-}" == "--dry-run" ]]; then DRY=1; shift; fi

# Which to run: all, or the ids named on the command line.
SELECTED=()
for i in "${!IDS[@]}"; do
  if [[ $# -eq 0 ]]; then SELECTED+=("$i"); continue; fi
  for want in "$@"; do [[ "${IDS[$i]}" == "$want" ]] && SELECTED+=("$i"); done
done
if [[ ${#SELECTED[@]} -eq 0 ]]; then echo "no breakage matches: $*" >&2; exit 2; fi

# ---------------------------------------------------------------------------------------------------------
# Restoring: whatever is patched at the moment is checked out again on any exit, Ctrl-C included.
# ---------------------------------------------------------------------------------------------------------
PATCHED=()
restore() {
  if [[ ${#PATCHED[@]} -gt 0 ]]; then git checkout -- "${PATCHED[@]}"; PATCHED=(); fi
}
trap 'restore' EXIT
trap 'echo; echo "interrupted: restoring ${PATCHED[*]:-nothing}" >&2; restore; exit 130' INT TERM

# Replaces the first occurrence of the literal OLD in FILE by NEW (no regex, no shell quoting games).
replace_first() {
  node -e '
    const fs = require("node:fs");
    const [file, oldText, newText] = process.argv.slice(1);
    const src = fs.readFileSync(file, "utf8");
    const at = src.indexOf(oldText);
    if (at < 0) process.exit(3);
    fs.writeFileSync(file, src.slice(0, at) + newText + src.slice(at + oldText.length));
  ' "$1" "$2" "$3"
}

# Runs vitest on the embedded store; prints "<failed tests>|<failed files>|<failing titles>" from its JSON report,
# or "interrupted" when vitest was stopped by Ctrl-C (it exits by itself, so bash would otherwise carry on).
run_tests() { # name, test files...
  local name=$1; shift
  local json="$LOGS/$name.json" log="$LOGS/$name.log"
  rm -f "$json"
  env -u TEST_DATABASE_URL npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$json" >"$log" 2>&1
  local rc=$?
  echo "exit code $rc" >>"$log"
  if [[ $rc -eq 130 || $rc -eq 143 ]]; then echo 'interrupted||'; return; fi
  node -e '
    const fs = require("node:fs");
    let r;
    try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("-1|-1|no report"); process.exit(0); }
    const failed = r.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === "failed").map((a) => a.title));
    const badFiles = r.testResults.filter((f) => f.status === "failed").length;
    console.log(`${r.numFailedTests}|${badFiles}|${failed.join(" ;; ")}`);
  ' "$json"
}

# ---------------------------------------------------------------------------------------------------------
# Baseline: every test file used below must pass on the unbroken code.
# ---------------------------------------------------------------------------------------------------------
START=$SECONDS
if [[ $DRY -eq 1 ]]; then echo 'dry run: patches only, no tests'; else
mapfile -t FILES < <(for i in "${SELECTED[@]}"; do tr ' ' '\n' <<<"${TESTS[$i]}"; done | sort -u)
echo "baseline: ${#FILES[@]} test file(s) on the unbroken code (embedded store)…"
IFS='|' read -r bfail bfiles btitles < <(run_tests baseline "${FILES[@]}")
[[ "$bfail" == interrupted ]] && { echo 'interrupted' >&2; exit 130; }
if [[ "$bfail" != "0" || "$bfiles" != "0" ]]; then
  echo "the baseline does not pass (failed tests: $bfail, failed files: $bfiles): nothing can be proven." >&2
  echo "  $btitles" >&2
  echo "  log: $LOGS/baseline.log" >&2
  exit 1
fi
echo "baseline green in $((SECONDS - START)) s"
fi

# ---------------------------------------------------------------------------------------------------------
# One breakage at a time.
# ---------------------------------------------------------------------------------------------------------
RESULTS=() EDITED=() CAUGHT_BY=()
bad=0
for i in "${SELECTED[@]}"; do
  id=${IDS[$i]}
  t0=$SECONDS
  files=()
  while IFS=$'\t' read -r file old new; do [[ -n "$file" ]] && files+=("$file"); done <<<"${EDITS[$i]}"
  mapfile -t files < <(printf '%s\n' "${files[@]}" | awk '!seen[$0]++')
  EDITED[$i]=$(printf '%s\n' "${files[@]}" | sed 's#^src/##' | paste -sd, -)
  echo "[$id] ${WHAT[$i]}"

  # Never overwrite someone's work: a file with local changes is not patched (checkout would lose them).
  if ! git diff --quiet -- "${files[@]}" || ! git diff --cached --quiet -- "${files[@]}"; then
    RESULTS[$i]='file has local changes'; CAUGHT_BY[$i]=''; bad=1; continue
  fi
  PATCHED=("${files[@]}")
  applied=1
  while IFS=$'\t' read -r file old new; do
    [[ -z "$file" ]] && continue
    before=$(git hash-object "$file")
    replace_first "$file" "$old" "$new" || true
    [[ "$(git hash-object "$file")" == "$before" ]] && applied=0
  done <<<"${EDITS[$i]}"
  if [[ $applied -eq 0 ]] || git diff --quiet -- "${files[@]}"; then
    restore
    RESULTS[$i]='patch did not apply'; CAUGHT_BY[$i]=''; bad=1; continue
  fi
  if [[ $DRY -eq 1 ]]; then
    git diff -U0 -- "${files[@]}" | grep -E '^[-+][^-+]' | sed 's/^/    /'
    restore; RESULTS[$i]='applied (dry run)'; CAUGHT_BY[$i]=''; continue
  fi
  git diff --stat -- "${files[@]}" | tail -n 1 | sed 's/^/    /'

  read -ra tests <<<"${TESTS[$i]}"
  IFS='|' read -r nfail nfiles titles < <(run_tests "breakage-$id" "${tests[@]}")
  if [[ "$nfail" == interrupted ]]; then echo "interrupted: restoring ${PATCHED[*]}" >&2; restore; exit 130; fi
  restore

  # Caught: at least one test failed, and a failing test is named for one of the rule's clauses.
  named=''
  if [[ "$nfail" =~ ^[0-9]+$ && "$nfail" -gt 0 ]]; then
    for c in ${CLAUSES[$i]}; do
      m=$(sed 's/ ;; /\n/g' <<<"$titles" | grep -F -- "$c " | head -n 1)
      [[ -n "$m" && -z "$named" ]] && named=$m
    done
  fi
  if [[ -n "$named" ]]; then
    RESULTS[$i]="caught ($nfail failed)"; CAUGHT_BY[$i]=$titles
  elif [[ "$nfail" =~ ^[0-9]+$ && "$nfail" -gt 0 ]]; then
    RESULTS[$i]='NOT caught (no failing test names the clause)'; CAUGHT_BY[$i]=$titles; bad=1
  elif [[ "$nfiles" != "0" ]]; then
    RESULTS[$i]='NOT caught (run error, no test failed)'; CAUGHT_BY[$i]="see $LOGS/breakage-$id.log"; bad=1
  else
    RESULTS[$i]='NOT caught'; CAUGHT_BY[$i]=''; bad=1
  fi
  echo "    ${RESULTS[$i]} in $((SECONDS - t0)) s"
done

# Everything must be back as it was.
restore
trap - EXIT INT TERM

echo
{
  printf '#\tbreakage (clauses)\tfile edited\ttest file\tresult\n'
  for i in "${SELECTED[@]}"; do
    printf '%s\t%s\t%s\t%s\t%s\n' "${IDS[$i]}" "${WHAT[$i]} (${CLAUSES[$i]// /, })" "${EDITED[$i]}" "$(sed 's#src/##g; s/ /, /g' <<<"${TESTS[$i]}")" "${RESULTS[$i]}"
  done
} | column -t -s $'\t' -o ' | '
echo
echo 'the tests that failed, by breakage:'
for i in "${SELECTED[@]}"; do
  [[ -z "${CAUGHT_BY[$i]}" ]] && continue
  sed 's/ ;; /\n/g' <<<"${CAUGHT_BY[$i]}" | while IFS= read -r title; do printf '  %-3s %s\n' "${IDS[$i]}" "$title"; done
done
echo
echo "$(( ${#SELECTED[@]} )) breakage(s) in $((SECONDS - START)) s; logs in ${LOGS#"$ROOT"/}/"
if [[ $DRY -eq 1 ]]; then [[ $bad -eq 0 ]] && echo 'every patch applied'; exit $bad; fi
if [[ $bad -ne 0 ]]; then echo 'FAILED: at least one breakage was not caught or not applied' >&2; exit 1; fi
echo 'every breakage was caught'
