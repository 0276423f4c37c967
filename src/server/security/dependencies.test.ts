import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface AuditJson {
  metadata?: { vulnerabilities?: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  statusCode?: number;
  message?: string;
  error?: { code?: string; summary?: string };
}

/**
 * `npm audit --omit=dev --audit-level=high` must exit 0. If the advisory service cannot be reached the
 * test fails and says so — no green without an answer. One exception (ADR 0006): a registry that does
 * not offer the audit API at all (HTTP 404/405/501 on the advisory endpoint, as the registry mirror of
 * this workplace does) makes the test skip with that reason, loudly; REQUIRE_NPM_AUDIT=1 makes it fail.
 */
describe('dependencies', () => {
  it('npm audit --omit=dev --audit-level=high finds no high or critical advisory in production dependencies', (ctx) => {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw new Error(`npm audit could not run: ${run.error.message}`);
    let report: AuditJson;
    try {
      report = JSON.parse(run.stdout) as AuditJson;
    } catch {
      throw new Error(`npm audit gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    if (!report.metadata?.vulnerabilities) {
      const why = `${report.message ?? report.error?.summary ?? 'no report'}`.trim();
      const noAuditApi = [404, 405, 501].includes(report.statusCode ?? 0);
      if (noAuditApi && process.env.REQUIRE_NPM_AUDIT !== '1') {
        const note = `npm audit NOT RUN: the configured registry does not offer the audit API (${why}). Dependency advisories were not checked; run npm audit where the public registry is reachable, or set REQUIRE_NPM_AUDIT=1 to make this a failure.`;
        console.warn(`\n⚠ ${note}\n`);
        ctx.skip(note);
      }
      throw new Error(`npm audit could not reach the advisory service, so nothing was checked: ${why}\n${run.stderr}`);
    }
    const v = report.metadata.vulnerabilities;
    const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, x]) => x.severity === 'high' || x.severity === 'critical').map(([name, x]) => `${name} (${x.severity})`);
    expect(serious, `high/critical advisories: ${serious.join(', ')}`).toEqual([]);
    expect(v.high + v.critical).toBe(0);
    expect(run.status).toBe(0);
  });

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
