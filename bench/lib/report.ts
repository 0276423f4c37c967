import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { round } from './stats';

export interface Entry {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value ÷ baseline value. */
  ratio?: number;
  /** The goal of issue 14 this figure is judged against, and the verdict. */
  goal?: Goal;
  verdict?: 'met' | 'missed' | 'failed';
  /** Why a figure missed or failed (e.g. non-2xx answers). */
  reason?: string;
  /** Lowest and highest sample when the value is a median of alternating pairs. */
  spread?: [number, number];
}

/** A goal on the value (`of: 'value'`) or on the ratio to the baseline (`of: 'ratio'`). */
export interface Goal {
  of: 'value' | 'ratio';
  op: '<=' | '>=';
  target: number;
}

/** Judges an entry against its goal; a figure that counted any non-2xx answer is failed whatever its value. */
export function judge(e: Entry, goal: Goal, failedBecause?: string): Entry {
  e.goal = goal;
  if (failedBecause) {
    e.verdict = 'failed';
    e.reason = failedBecause;
    return e;
  }
  const v = goal.of === 'value' ? e.value : e.ratio;
  if (v === undefined || !Number.isFinite(v)) {
    e.verdict = 'missed';
    e.reason = 'no figure';
    return e;
  }
  e.verdict = (goal.op === '<=' ? v <= goal.target : v >= goal.target) ? 'met' : 'missed';
  return e;
}

export const goalText = (g: Goal, unit: string) => `${g.op === '<=' ? '≤' : '≥'} ${g.target}${g.of === 'ratio' || unit === '×' ? '×' : ` ${unit}`}`;

/** An entry; with a baseline entry from the same run it also carries the ratio. */
export function entry(name: string, value: number, unit: string, baseline?: Entry): Entry {
  const e: Entry = { name, value: round(value), unit };
  if (baseline && Number.isFinite(baseline.value) && baseline.value !== 0) {
    e.baseline = { name: baseline.name, value: baseline.value };
    e.ratio = round(value / baseline.value);
  }
  return e;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(entries: readonly Entry[]): string {
  const lines = ['| figure | value | unit | baseline | ratio | goal |', '|---|---:|---|---|---:|---|'];
  for (const e of entries) {
    const base = e.baseline ? `${e.baseline.name} = ${e.baseline.value}` : '';
    const ratio = e.ratio === undefined ? '' : `${e.ratio}×`;
    const goal = e.goal ? `${goalText(e.goal, e.unit)}: **${e.verdict}**${e.reason ? ` (${e.reason})` : ''}` : '';
    const value = e.spread ? `${e.value} (${e.spread[0]}–${e.spread[1]})` : `${e.value}`;
    lines.push(`| ${cell(e.name)} | ${value} | ${e.unit} | ${cell(base)} | ${ratio} | ${cell(goal)} |`);
  }
  return lines.join('\n');
}

/** One line per judged figure: the goals of issue 14, met or missed. */
export function verdictLines(entries: readonly Entry[]): string[] {
  return entries.filter((e) => e.goal).map((e) => `${e.verdict === 'met' ? 'MET   ' : e.verdict === 'failed' ? 'FAILED' : 'MISSED'} ${e.name}: ${e.value} ${e.unit}${e.ratio !== undefined ? ` (${e.ratio}×)` : ''} — goal ${goalText(e.goal!, e.unit)}${e.reason ? `; ${e.reason}` : ''}`);
}

export interface RunMeta {
  startedAt: string;
  seconds: number;
  command: string;
  node: string;
  cpus: number;
  commit: string;
  settings: string;
}

export function renderMarkdown(entries: readonly Entry[], meta: RunMeta, notes: readonly string[]): string {
  const head = [
    '# Wuye Desk benchmark — latest run',
    '',
    `- started ${meta.startedAt}, took ${Math.round(meta.seconds)} s: \`${meta.command}\``,
    `- node ${meta.node}, ${meta.cpus} CPUs (shared, noisy machine: read the ratios, not the absolute figures)`,
    `- commit ${meta.commit}; ${meta.settings}`,
    '- load: autocannon in a separate process, no pipelining, 10 connections, after a warm-up; latencies are exact percentiles of every response',
    '',
  ];
  const verdicts = verdictLines(entries);
  const goals = verdicts.length ? ['', '## Goals', '', ...verdicts.map((v) => `- ${v}`)] : [];
  const tail = notes.length ? ['', '## Notes', '', ...notes.map((n) => `- ${n}`)] : [];
  return [...head, markdownTable(entries), ...goals, ...tail, ''].join('\n');
}

export function writeResults(dir: string, entries: readonly Entry[], meta: RunMeta, notes: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(entries, null, 2) + '\n');
  writeFileSync(path.join(dir, 'latest.md'), renderMarkdown(entries, meta, notes));
}
