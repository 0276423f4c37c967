import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The code without its comments (which may cite the manual freely). */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('text users read', () => {
  it('no clause id of the manual (ARC-12, CALL-7, …) appears in any string the web app can show', () => {
    const found: string[] = [];
    for (const file of sources(WEB)) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      for (const m of code.matchAll(/['"`][^'"`\n]*\b(?:ARC|CALL|KEY|HELP|COMP|VISIT|LINK)-\d+[^'"`\n]*['"`]/g)) found.push(`${path.relative(WEB, file)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('the detector is not blind: a planted string with a clause id is found', () => {
    const planted = withoutComments(`const a = '请勿泄露（ARC-9）'; // ARC-9 in a comment is fine`);
    expect(planted.match(/['"`][^'"`\n]*\b(?:ARC|CALL)-\d+[^'"`\n]*['"`]/g)).toEqual([`'请勿泄露（ARC-9）'`]);
  });
});
