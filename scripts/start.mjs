// npm start: build the web app when its sources changed since the last build, then serve.
import { buildWeb, isWebBuildStale } from './web-stamp.mjs';

if (isWebBuildStale() || process.env.FORCE_BUILD === '1') {
  console.log('构建前端 (building the web app)…');
  buildWeb();
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
