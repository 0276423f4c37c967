import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The import rules of ADR 0011: `.dependency-cruiser.cjs` (domain pure, web and server apart, web features
// apart, no module cycle) plus cycles between feature folders, computed on the same cruise result the way
// ../shared/tools/feature_cycles.py does. A second cruise over planted violations proves every rule can fail.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'src/server/testing/fixtures/boundaries');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: IFlattenedRuleSet['forbidden']; options: ICruiseOptions };
/** Files that may import every feature: their outgoing arrows make no cycle. */

async function cruiseTree(baseDir: string): Promise<ICruiseResult> {
  const tsConfigFile = path.join(ROOT, 'tsconfig.json');
  const { output } = await cruise(
    ['src'],
    { ...config.options, baseDir, tsConfig: { fileName: tsConfigFile }, validate: true, ruleSet: { forbidden: config.forbidden } },
    undefined,
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof output === 'string') throw new Error('dependency-cruiser answered text, expected a result object');
  return output;
}

/** Each rule violation as one readable line: rule, importer, imported (and the loop for a cycle). */
function violations(result: ICruiseResult): string[] {
  return (result.summary.violations ?? []).map((v) => {
    const loop = v.cycle?.length ? ` (loop: ${[v.from, ...v.cycle.map((c) => (typeof c === 'string' ? c : c.name))].join(' → ')})` : '';
    return `${v.rule.name}: ${v.from} → ${v.to}${loop}`;
  });
}

/** src/<root>/<feature>/… → "<root>/<feature>"; files directly in a root are its "(root)" feature. */
function featureOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return null;
  return `${parts[1]}/${parts.length > 3 ? parts[2] : '(root)'}`;
}

/** Groups of feature folders of one root that import each other, directly or round a loop (Tarjan). */
function featureCycles(result: ICruiseResult): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of result.modules) {
    const a = featureOf(m.source);
    if (!a || /\.(test|spec)\.tsx?$/.test(m.source)) continue;
    for (const d of m.dependencies) {
      const b = featureOf(d.resolved);
      if (b && b !== a && b.split('/')[0] === a.split('/')[0]) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles.sort();
}

describe('import rules (ADR 0011)', () => {
  it('the source tree breaks none of them', async () => {
    const result = await cruiseTree(ROOT);
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(violations(result)).toEqual([]);
    expect(featureCycles(result).map((c) => c.join(' <-> '))).toEqual([]);
  });

  it('each rule catches its planted violation, and only those', async () => {
    const result = await cruiseTree(FIXTURES);
    expect(violations(result).sort()).toEqual(
      [
        'domain-is-pure: src/domain/pure/uses-builtin.ts → crypto',
        'domain-is-pure: src/domain/pure/uses-server.ts → src/server/alpha/alpha-one.ts',
        'no-circular: src/server/alpha/ping.ts → src/server/alpha/pong.ts (loop: src/server/alpha/ping.ts → src/server/alpha/pong.ts → src/server/alpha/ping.ts)',
        'server-not-web: src/server/alpha/uses-web.ts → src/web/gamma/gamma-api.ts',
        'web-features-apart: src/web/beta/uses-app.ts → src/web/app/shell.ts',
        'web-features-apart: src/web/beta/uses-gamma.ts → src/web/gamma/gamma-api.ts',
        'web-features-apart-pending-contracts: src/web/calls/uses-property-value.ts → src/web/property/api.ts',
        'web-not-server: src/web/beta/uses-server.ts → src/server/alpha/alpha-two.ts',
        'web-shared-is-shared: src/web/lib/uses-feature.ts → src/web/gamma/gamma-api.ts',
      ].sort(),
    );
    expect(featureCycles(result)).toEqual([['server/alpha', 'server/beta']]);
  });
});
