// npm run build: `vite build` through buildWeb, which records dist/web/.build-stamp after Vite has emptied
// and refilled dist/web — so `npm start` right after a build finds the stamp current and does not build again.
import { buildWeb } from './web-stamp.mjs';

buildWeb();
