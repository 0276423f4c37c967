// The last line of `npm test`: where the browser journeys saved the screenshots of each role's first screen
// (and the other pages they photograph), so a reviewer can look at them. The folder is ignored by git.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'test-results', 'screens');
const shots = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];
console.log(shots.length ? `screenshots (${shots.length}): ${dir}` : `screenshots: none taken (no browser journey ran) — ${dir}`);
