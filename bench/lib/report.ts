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
}

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
  const lines = ['| figure | value | unit | baseline | ratio |', '|---|---:|---|---|---:|'];
  for (const e of entries) {
    const base = e.baseline ? `${e.baseline.name} = ${e.baseline.value}` : '';
    const ratio = e.ratio === undefined ? '' : `${e.ratio}×`;
    lines.push(`| ${cell(e.name)} | ${e.value} | ${e.unit} | ${cell(base)} | ${ratio} |`);
  }
  return lines.join('\n');
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
  const tail = notes.length ? ['', '## Notes', '', ...notes.map((n) => `- ${n}`)] : [];
  return [...head, markdownTable(entries), ...tail, ''].join('\n');
}

export function writeResults(dir: string, entries: readonly Entry[], meta: RunMeta, notes: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(entries, null, 2) + '\n');
  writeFileSync(path.join(dir, 'latest.md'), renderMarkdown(entries, meta, notes));
}
