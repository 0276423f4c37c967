import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
});
