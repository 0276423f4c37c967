// Runs before `npm test`: the browser journeys need Debian's Chromium and a CJK font. Where they are missing
// and this machine can install them (root with apt-get), they are installed as .ci/run does; otherwise the
// test run stops at once and says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFont = () => {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
};
const missing = () => [...(existsSync(chromium) ? [] : ['chromium']), ...(hasFont() ? [] : ['fonts-wqy-microhei'])];

let need = missing();
if (need.length === 0) process.exit(0);
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
if (canInstall) {
  console.log(`== installing ${need.join(' ')} for the browser journeys (apt-get)`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...need], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    /* said below */
  }
  need = missing();
  if (need.length === 0) process.exit(0);
}
console.error(
  [
    `浏览器测试缺少：${need.join('、')} (the browser journeys need: ${need.join(', ')})`,
    `  Debian/Ubuntu: sudo apt-get install -y ${need.join(' ')}`,
    '  or point CHROMIUM_PATH at a Chromium binary and install any CJK font (fc-list :lang=zh must list one).',
  ].join('\n'),
);
process.exit(1);
