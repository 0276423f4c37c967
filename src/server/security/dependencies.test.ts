import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * `npm audit` runs in .ci/run (it needs the registry's advisory service, which this workplace's registry does
 * not offer); here, what can be checked offline.
 */
describe('dependencies', () => {
  it('no production dependency runs an install script, except the allow-listed esbuild (its postinstall only checks the prebuilt binary it ships)', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }> };
    const allowed = new Set(['esbuild']);
    const scripted = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.dev && p.hasInstallScript)
      .map(([name]) => name.slice(name.lastIndexOf('node_modules/') + 'node_modules/'.length))
      .filter((name) => !allowed.has(name));
    expect(scripted).toEqual([]);
  });

  it('the Node versions package.json states are true for every installed package (its lowest version of each line, and this one)', () => {
    const declared = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(semver.satisfies(process.version, declared)).toBe(true);
    const lowest = declared.split('||').map((r) => semver.minVersion(r.trim())!.version);
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .flatMap(([name, p]) => lowest.filter((v) => !semver.satisfies(v, (p.engines as { node: string }).node)).map((v) => `${name}@${p.version} needs ${(p.engines as { node: string }).node}, not ${v}`));
    expect(refused).toEqual([]);
  });
});
